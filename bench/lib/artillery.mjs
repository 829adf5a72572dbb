/** Runs Artillery at a constant arrival rate against the reference server and reads it back. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endChild, spawnTracked } from './child.mjs';
import { summarizeMs } from './stats.mjs';
import { ensureTool, guardedEnv } from './tools.mjs';

const processorPath = fileURLToPath(new URL('../workers/artillery-processor.cjs', import.meta.url));

function buildScript({ url, rate, seconds, warmup, bodiesFile, sendLog }) {
  return {
    config: {
      target: url,
      processor: processorPath,
      variables: { benchBodiesFile: [bodiesFile], benchSendLog: [sendLog] },
      phases: [
        { name: 'warmup', duration: warmup, arrivalRate: rate },
        { name: 'measured', duration: seconds, arrivalRate: rate },
      ],
      http: { timeout: 10 },
    },
    scenarios: [
      {
        flow: [{ post: { url: '/v1/evaluate', json: {}, beforeRequest: 'markSend' } }],
      },
    ],
  };
}

/** Spawns Artillery; once it has written its report, ends it (it lingers on telemetry). */
function runArtilleryProcess(bin, args, env, timeoutMs) {
  const child = spawnTracked(process.execPath, [bin, ...args], { env, quietStderr: true });
  child.stdin.end();
  let output = '';
  let refused = 0;
  child.stderr.on('data', (chunk) => {
    refused += (chunk.toString('utf8').match(/loopback-guard: refused/g) ?? []).length;
  });
  return new Promise((resolve) => {
    const deadline = setTimeout(() => endChild(child), timeoutMs);
    child.stdout.on('data', (chunk) => {
      output += chunk.toString('utf8');
      if (output.includes('Log file:')) setTimeout(() => endChild(child), 500);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      resolve({ code, signal, output, refused });
    });
  });
}

function readSendTimes(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Lateness of each measured send against an ideal constant-rate schedule anchored at the first
 * send (Artillery's own start), ms; the warm-up sends are left out of the figures.
 */
function scheduleFigures(sendTimes, { rate, warmup }) {
  const gapMs = 1000 / rate;
  const startMs = sendTimes[0];
  const firstMeasured = Math.round(warmup * rate);
  const late = [];
  for (let i = firstMeasured; i < sendTimes.length; i++) {
    late.push(sendTimes[i] - (startMs + i * gapMs));
  }
  const measured = sendTimes.slice(firstMeasured);
  const spanSeconds = (measured.at(-1) - (startMs + firstMeasured * gapMs)) / 1000;
  return {
    sent: measured.length,
    achievedPerSec: measured.length > 1 ? (measured.length - 1) / spanSeconds : 0,
    lateByMs: summarizeMs(late),
  };
}

/**
 * Runs Artillery at `rate` for warm-up + measured seconds against `url`, sending the bodies of
 * `bodiesFile`. Returns its schedule keeping (from logged send times) and its own latency.
 */
export async function runArtillery({ url, rate, seconds, warmup, bodiesFile }) {
  const dir = await ensureTool('artillery');
  const work = mkdtempSync(join(tmpdir(), 'buddy-bench-artillery-'));
  try {
    const scriptPath = join(work, 'script.json');
    const reportPath = join(work, 'report.json');
    const sendLog = join(work, 'sends.log');
    const script = buildScript({ url, rate, seconds, warmup, bodiesFile, sendLog });
    writeFileSync(scriptPath, JSON.stringify(script));
    const env = guardedEnv();
    const args = ['run', '--output', reportPath, scriptPath];
    const timeoutMs = (seconds + warmup) * 1000 * 6 + 60_000;
    const proc = await runArtilleryProcess(join(dir, 'bin/run'), args, env, timeoutMs);
    if (!existsSync(reportPath)) throw new Error(`artillery wrote no report (exit ${proc.code})`);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')).aggregate;
    const errors = Object.entries(report.counters)
      .filter(([name]) => name.startsWith('errors.'))
      .reduce((sum, [, count]) => sum + count, 0);
    const responseMs = report.summaries['http.response_time'] ?? {};
    return {
      rate,
      intended: Math.round(rate * seconds),
      ...scheduleFigures(readSendTimes(sendLog), { rate, warmup }),
      requestsTotal: report.counters['http.requests'] ?? 0,
      responses: report.counters['http.responses'] ?? 0,
      ok: report.counters['http.codes.200'] ?? 0,
      errors,
      responseTimeMs: { p50: responseMs.p50, p99: responseMs.p99, max: responseMs.max },
      refusedConnections: proc.refused,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
