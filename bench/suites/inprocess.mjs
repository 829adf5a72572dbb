/**
 * In-process: the simulator's full path vs a bare loop of evaluateContent over the same seeded
 * requests, each run in a fresh process, interleaved; profiles the full path below the goal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorker } from '../lib/child.mjs';
import { atLeast, row } from '../lib/format.mjs';
import { renderProfileSummary } from '../lib/profile-summary.mjs';
import { median } from '../lib/stats.mjs';

const GOAL = 0.5;
const SEED = 42;

function variants(requests, concurrency) {
  const common = ['--requests', requests, '--seed', SEED].map(String);
  const closed = [...common, '--concurrency', String(concurrency)];
  return {
    full: () => runWorker('full-path.mjs', closed),
    bare: () => runWorker('bare-loop.mjs', common),
    // Diagnostic: the full path with no periodic report (so no store writes but the final).
    noReports: () => runWorker('full-path.mjs', [...closed, '--report-interval', '100000000']),
  };
}

/** Runs the full path once more, profiling its timed stretch, and summarises where time went. */
async function profileFullPath(requests, concurrency) {
  const dir = mkdtempSync(join(tmpdir(), 'buddy-bench-prof-'));
  try {
    const file = join(dir, 'full-path.cpuprofile');
    const args = ['--requests', requests, '--seed', SEED, '--concurrency', concurrency];
    await runWorker('full-path.mjs', [...args, '--profile', file].map(String));
    return await runWorker('profile-report.mjs', ['--profile', file, '--limit', '20'], {
      nodeFlags: ['--enable-source-maps'],
      quietStderr: true,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runInprocess({ rounds = 5, quick, log }) {
  const requests = quick ? 20_000 : 200_000;
  const concurrency = 8;
  const run = variants(requests, concurrency);
  const names = ['full', 'bare', 'noReports'];
  const rates = { full: [], bare: [], noReports: [] };
  const runRates = [];
  const ratios = [];
  const ratiosNoReports = [];
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so no variant always runs first (warmer disk cache, quieter box).
    const order = names.map((_, i) => names[(i + round) % names.length]);
    const byName = {};
    for (const name of order) {
      const result = await run[name]();
      byName[name] = result.ratePerSec;
      if (name === 'full') runRates.push(result.runRatePerSec);
    }
    for (const name of names) rates[name].push(byName[name]);
    ratios.push(byName.full / byName.bare);
    ratiosNoReports.push(byName.noReports / byName.bare);
    const [full, bare] = [byName.full.toFixed(0), byName.bare.toFixed(0)];
    log(`inprocess round ${round + 1}/${rounds}: full ${full}/s, bare ${bare}/s`);
  }
  const ratio = median(ratios);
  const result = {
    name: 'inprocess',
    rows: [
      row(
        `full path, closed loop x${concurrency} (median of ${rounds})`,
        median(rates.full),
        'req/s',
      ),
      row('bare evaluateContent loop, same requests', median(rates.bare), 'req/s'),
      row('full path / bare loop', ratio, 'ratio', atLeast(GOAL)),
      row(
        'diagnostic: full path until its last request (store queue not drained)',
        median(runRates),
        'req/s',
      ),
      row('diagnostic: full path without periodic reports', median(rates.noReports), 'req/s'),
      row('diagnostic: no-reports path / bare loop', median(ratiosNoReports), 'ratio'),
    ],
    notes: [
      `${requests.toLocaleString('en-US')} requests per run, seed ${SEED}, ` +
        'each run a fresh process; ' +
        'rates exclude module loading. The bare loop pre-generates its requests (generation is ' +
        'not timed); the full path generates them as the simulator does. The full-path rate ' +
        'runs until runSimulation resolves, i.e. until every queued metrics-file write is done.',
    ],
    raw: { requests, rates, runRates, ratios, ratiosNoReports },
  };
  if (ratio < GOAL) {
    log('inprocess: ratio below goal, profiling the full path (CPU profile of the timed stretch)');
    const summary = await profileFullPath(requests, concurrency);
    result.profile = renderProfileSummary(summary);
    result.profileTitle = 'CPU profile of the full path (timed stretch only)';
  }
  return result;
}
