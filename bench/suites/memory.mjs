/** Memory: RSS after 1M and after 10M in-process requests through the full path. */
import { runWorker } from '../lib/child.mjs';
import { atMost, row } from '../lib/format.mjs';

const GOAL = 1.2;
const MiB = 2 ** 20;

export async function runMemory({ quick, log }) {
  const first = quick ? 100_000 : 1_000_000;
  const last = quick ? 1_000_000 : 10_000_000;
  const budgetSeconds = quick ? 300 : 45 * 60;
  log(`memory: ${last.toLocaleString('en-US')} requests in one process; progress follows`);
  const args = ['--requests', last, '--every', first, '--concurrency', 8, '--seed', 11];
  const result = await runWorker('memory.mjs', [...args, '--budget-seconds', budgetSeconds].map(String), {
    nodeFlags: ['--expose-gc'],
    timeoutMs: (budgetSeconds + 600) * 1000,
    allowFailure: true,
  });
  if (result.samples.length === 0) throw new Error('memory worker ended before its first sample');
  const a = result.samples[0];
  const b = result.samples.at(-1);
  const label = (n) => `${(n / 1e6).toLocaleString('en-US')}M`;
  return {
    name: 'memory',
    rows: [
      row(`RSS after ${label(a?.requests ?? first)} requests (after GC)`, a && a.rssBytes / MiB, 'MiB'),
      row(`RSS after ${label(b.requests)} requests (after GC)`, b.rssBytes / MiB, 'MiB'),
      row(`RSS ${label(b.requests)} / ${label(first)}`, a ? b.rssBytes / a.rssBytes : Number.NaN, 'ratio', atMost(GOAL)),
      row(`heap used after ${label(b.requests)} / after ${label(first)}`, a ? b.heapUsedBytes / a.heapUsedBytes : Number.NaN, 'ratio'),
      row('full-path throughput over the whole run', b.requests / b.seconds, 'req/s'),
    ],
    notes: [
      `One process, closed loop x8, simulator defaults (report every 500 requests, history on), ` +
        `--json mode so the bench can see each report; RSS sampled after global.gc() every ` +
        `${label(first)} requests.` +
        (result.stoppedEarly ? ` Stopped early at ${label(b.requests)}: time budget.` : '') +
        (result.partial ? ` The worker died (${JSON.stringify(result.exit)}) after the last sample.` : ''),
      `RSS samples (MiB): ${result.samples.map((s) => `${label(s.requests)} ${(s.rssBytes / MiB).toFixed(0)}`).join(', ')}`,
    ],
    raw: result,
  };
}
