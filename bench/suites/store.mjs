/** Store: one report write with 10 reports in the history vs with 10,000, interleaved. */
import { runWorker } from '../lib/child.mjs';
import { atMost, row } from '../lib/format.mjs';
import { median } from '../lib/stats.mjs';

const GOAL = 1.5;

export async function runStore({ rounds = 3, quick, log }) {
  const writes = quick ? 10 : 50;
  const large = quick ? 1000 : 10_000;
  const small = 10;
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const args = ['--writes', writes, '--small', small, '--large', large, '--seed', 7 + round];
    const result = await runWorker('store-writes.mjs', args.map(String), {
      timeoutMs: 20 * 60_000,
    });
    results.push(result);
    const [fewMs, manyMs] = [result.smallMedianMs, result.largeMedianMs].map((v) => v.toFixed(2));
    log(`store round ${round + 1}/${rounds}: ${fewMs} ms vs ${manyMs} ms`);
  }
  const smallMs = median(results.map((r) => r.smallMedianMs));
  const largeMs = median(results.map((r) => r.largeMedianMs));
  return {
    name: 'store',
    rows: [
      row(`writeReport, ${small} reports in history (median)`, smallMs, 'ms'),
      row(
        `writeReport, ${large.toLocaleString('en-US')} reports in history (median)`,
        largeMs,
        'ms',
      ),
      row(
        `${large.toLocaleString('en-US')} / ${small}`,
        median(results.map((r) => r.largeMedianMs / r.smallMedianMs)),
        'ratio',
        atMost(GOAL),
      ),
    ],
    notes: [
      `${writes} timed writes per store per round, small and large interleaved, ${rounds} rounds ` +
        '(fresh process each); each write appends to the history file and atomically replaces ' +
        `the metrics file (synced). Reports are real aggregator reports of 500 requests ` +
        `(~${Math.round(results[0].reportBytes / 1024)} KiB of JSON each).`,
    ],
    raw: results,
  };
}
