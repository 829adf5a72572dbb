/** Memory: RSS after 1M and after 10M in-process requests through the full path. */
import { runWorker } from '../lib/child.mjs';
import { atMost, row } from '../lib/format.mjs';

const GOAL = 1.2;
const MiB = 2 ** 20;
// Reports land on whole report intervals, so 1,000,832 requests reads as 1M.
const label = (n) => `${Math.round(n / 1e5) / 10}M`;

async function measure({ first, last, budgetSeconds, reportInterval, log }) {
  const args = ['--requests', last, '--every', first, '--concurrency', 8, '--seed', 11];
  const extra = reportInterval === undefined ? [] : ['--report-interval', reportInterval];
  const caps = ['--budget-seconds', budgetSeconds, '--rss-cap-mib', 3072];
  const result = await runWorker('memory.mjs', [...args, ...extra, ...caps].map(String), {
    nodeFlags: ['--expose-gc'],
    timeoutMs: (budgetSeconds + 900) * 1000,
    allowFailure: true,
  });
  if (result.samples.length === 0) throw new Error('memory worker ended before its first sample');
  const a = result.samples[0];
  const b = result.samples.at(-1);
  const mib = (b.rssBytes / MiB).toFixed(0);
  log(`memory: ${label(b.requests)} reached (${result.stopped}); rss ${mib} MiB`);
  return { result, a, b };
}

function describeStop(result) {
  if (result.stopped === 'completed') return '';
  if (result.stopped === 'died')
    return ` The worker died after the last sample (${JSON.stringify(result.exit)}).`;
  const at = label(result.samples.at(-1).requests);
  return ` Stopped at ${at}: ${result.stopped} (caps: 3 GiB RSS, time budget).`;
}

export async function runMemory({ quick, log }) {
  const first = quick ? 100_000 : 1_000_000;
  const last = quick ? 1_000_000 : 10_000_000;
  const budgetSeconds = quick ? 300 : 30 * 60;
  log(`memory: ${last.toLocaleString('en-US')} requests in one process; progress follows`);
  const main = await measure({ first, last, budgetSeconds, log });
  log('memory: diagnostic run with a report every 100,000 requests');
  const sparse = await measure({ first, last, budgetSeconds, reportInterval: 100_000, log });
  const rss = (s) => s.rssBytes / MiB;
  const samplesText = (r) =>
    r.samples.map((s) => `${label(s.requests)} ${rss(s).toFixed(0)}`).join(', ');
  return {
    name: 'memory',
    rows: [
      row(`RSS after ${label(main.a.requests)} requests (after GC)`, rss(main.a), 'MiB'),
      row(`RSS after ${label(main.b.requests)} requests (after GC)`, rss(main.b), 'MiB'),
      row(
        `RSS ${label(main.b.requests)} / ${label(main.a.requests)}`,
        main.b.rssBytes / main.a.rssBytes,
        'ratio',
        atMost(GOAL),
      ),
      row(
        `heap used ${label(main.b.requests)} / ${label(main.a.requests)}`,
        main.b.heapUsedBytes / main.a.heapUsedBytes,
        'ratio',
      ),
      row('request rate until the last sample', main.b.requests / main.b.seconds, 'req/s'),
      row(
        `diagnostic, report every 100k: RSS ${label(sparse.b.requests)} / ` +
          label(sparse.a.requests),
        sparse.b.rssBytes / sparse.a.rssBytes,
        'ratio',
      ),
      row(
        `diagnostic, report every 100k: RSS after ${label(sparse.b.requests)}`,
        rss(sparse.b),
        'MiB',
      ),
    ],
    notes: [
      'One process each, closed loop x8, --json so the bench sees each report; RSS sampled after ' +
        `global.gc() every ${label(first)} requests. Main run: simulator defaults ` +
        '(a report and a ' +
        `metrics-file write every 500 requests, history on).${describeStop(main.result)}`,
      `Main run RSS samples (MiB): ${samplesText(main.result)}`,
      'Diagnostic run: the same with --report-interval 100000, to separate the metrics-file ' +
        `writes from the rest of the path.${describeStop(sparse.result)} RSS samples (MiB): ` +
        samplesText(sparse.result),
    ],
    raw: { main: main.result, sparse: sparse.result },
  };
}
