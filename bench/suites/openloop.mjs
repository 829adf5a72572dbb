/**
 * Open-loop accuracy over HTTP: our scheduler vs Artillery at the same target rates against
 * the same reference server (its own process); then the highest rate our scheduler holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runArtillery } from '../lib/artillery.mjs';
import { runWorker, startSoulServer } from '../lib/child.mjs';
import { goalText, row } from '../lib/format.mjs';
import { median } from '../lib/stats.mjs';

const SEED = 3;
const HELD_P99_MS = 10;

/** Held: achieved within 1% of the target and p99 send lateness under 10 ms. */
export const isHeld = (r) =>
  r.achievedPerSec >= r.rate * 0.99 && r.achievedPerSec <= r.rate * 1.01 && r.lateByMs.p99 < HELD_P99_MS;

function runOurs(url, rate, seconds, warmup) {
  const args = ['--url', url, '--rate', rate, '--seconds', seconds, '--warmup', warmup, '--seed', SEED];
  return runWorker('open-loop.mjs', args.map(String), { timeoutMs: (seconds + warmup) * 10_000 + 60_000 });
}

/** Medians of each figure over rounds. */
function medianOf(results) {
  const pick = (f) => median(results.map(f));
  return {
    rate: results[0].rate,
    achievedPerSec: pick((r) => r.achievedPerSec),
    lateByMs: { p50: pick((r) => r.lateByMs.p50), p99: pick((r) => r.lateByMs.p99), max: pick((r) => r.lateByMs.max) },
    dropped: pick((r) => r.dropped ?? 0),
    errors: pick((r) => r.errors),
    latencyP99Ms: pick((r) => r.latencyMs?.p99 ?? r.responseTimeMs?.p99),
  };
}

function accuracyRows(rate, ours, theirs, rounds) {
  const r = rate.toLocaleString('en-US');
  const held = goalText('within 1%', (v) => Math.abs(v / rate - 1) <= 0.01);
  const rows = [
    row(`${r}/s ours: achieved (median of ${rounds})`, ours.achievedPerSec, 'req/s', held),
    row(`${r}/s ours: send lateness p50`, ours.lateByMs.p50, 'ms'),
    row(`${r}/s ours: send lateness p99`, ours.lateByMs.p99, 'ms', goalText('< 10 ms', (v) => v < HELD_P99_MS)),
    row(`${r}/s ours: send lateness max`, ours.lateByMs.max, 'ms'),
    row(`${r}/s ours: dropped sends`, ours.dropped, 'count'),
    row(`${r}/s ours: latency p99 (from intended send)`, ours.latencyP99Ms, 'ms'),
  ];
  if (theirs === undefined) return rows;
  return [
    ...rows,
    row(`${r}/s Artillery: achieved`, theirs.achievedPerSec, 'req/s', held),
    row(`${r}/s Artillery: send lateness p50 (vs ideal schedule)`, theirs.lateByMs.p50, 'ms'),
    row(`${r}/s Artillery: send lateness p99`, theirs.lateByMs.p99, 'ms'),
    row(`${r}/s Artillery: send lateness max`, theirs.lateByMs.max, 'ms'),
    row(`${r}/s Artillery: response time p99 (its own)`, theirs.latencyP99Ms, 'ms'),
    row(`${r}/s achieved rate ours / Artillery`, ours.achievedPerSec / theirs.achievedPerSec, 'ratio'),
  ];
}

export async function runOpenloop({ rounds = 3, quick, log }) {
  const seconds = quick ? 3 : 10;
  const warmup = quick ? 1 : 2;
  const rates = [500, 2000, 5000];
  const steps = [1000, 2000, 3000, 4000, 5000, 6000];
  const work = mkdtempSync(join(tmpdir(), 'buddy-bench-openloop-'));
  const bodiesFile = join(work, 'bodies.json');
  await runWorker('write-bodies.mjs', ['--seed', SEED, '--count', 2000, '--out', bodiesFile].map(String));
  const server = await startSoulServer();
  try {
    const ours = new Map(rates.map((r) => [r, []]));
    const theirs = new Map(rates.map((r) => [r, []]));
    for (let round = 0; round < rounds; round++) {
      for (const rate of rates) {
        const runs = [
          async () => ours.get(rate).push(await runOurs(server.url, rate, seconds, warmup)),
          async () => theirs.get(rate).push(await runArtillery({ url: server.url, rate, seconds, warmup, bodiesFile })),
        ];
        if (round % 2 === 1) runs.reverse();
        for (const go of runs) await go();
        const o = ours.get(rate).at(-1);
        const t = theirs.get(rate).at(-1);
        log(`openloop round ${round + 1}/${rounds} @${rate}/s: ours ${o.achievedPerSec.toFixed(0)}/s p99 ${o.lateByMs.p99.toFixed(2)} ms; artillery ${t.achievedPerSec.toFixed(0)}/s p99 ${t.lateByMs.p99.toFixed(0)} ms`);
      }
    }
    const stepResults = [];
    for (const rate of steps) {
      const result = await runOurs(server.url, rate, seconds, warmup);
      stepResults.push(result);
      log(`openloop step ${rate}/s: achieved ${result.achievedPerSec.toFixed(0)}/s, p99 lateness ${result.lateByMs.p99.toFixed(2)} ms, dropped ${result.dropped} -> ${isHeld(result) ? 'held' : 'not held'}`);
    }
    const held = stepResults.filter(isHeld).map((r) => r.rate);
    const highest = held.length > 0 ? Math.max(...held) : 0;
    const rows = rates.flatMap((rate) =>
      accuracyRows(rate, medianOf(ours.get(rate)), medianOf(theirs.get(rate)), rounds),
    );
    rows.push(row('highest rate held (steps of 1,000/s, one run each)', highest, 'req/s', goalText('>= 4,000 req/s', (v) => v >= 4000)));
    return {
      name: 'openloop',
      rows,
      notes: [
        `Each run: ${warmup} s warm-up (excluded), then ${seconds} s at a constant rate; each in a fresh ` +
          'process, ours and Artillery alternating, all against one reference server process on ' +
          '127.0.0.1. Held = achieved within 1% and p99 send lateness < 10 ms.',
        'Our lateness is the run loop\'s own `lateByMs` (actual start - intended start). Artillery ' +
          'has no such figure: its sends are logged by a beforeRequest hook and compared with an ' +
          'ideal constant-rate schedule anchored at its first send. Both send the same seeded ' +
          'request bodies (Artillery cycles the first 2,000).',
        `Steps: ${stepResults.map((r) => `${r.rate}/s -> ${r.achievedPerSec.toFixed(0)}/s, p99 ${r.lateByMs.p99.toFixed(2)} ms, dropped ${r.dropped}${isHeld(r) ? ' (held)' : ''}`).join('; ')}`,
      ],
      raw: { ours: Object.fromEntries(ours), artillery: Object.fromEntries(theirs), steps: stepResults },
    };
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
