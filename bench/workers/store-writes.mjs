// Store: time of createMetricsStore().writeReport with 10 reports in the history vs 10,000,
// interleaved. Real reports come from an aggregator fed with the seeded full path's outcomes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { buildReports, recentEntries } from '../lib/reports.mjs';
import { median } from '../lib/stats.mjs';
import { importPackage } from '../lib/workspace.mjs';

const { createMetricsStore, historyPathFor } = await importPackage('@buddy/report-format');
const { writes, small, large, seed } = readWorkerArgs();
const dir = mkdtempSync(join(tmpdir(), 'buddy-bench-store-'));

const reports = buildReports(seed, 40);
const entries = recentEntries(seed);
const reportAt = (i) => reports[i % reports.length];

/**
 * A store whose history already holds `count` reports. Filling skips the snapshot's synced
 * write and rename (the history is appended for real), so 10,000 take seconds, not hours.
 */
async function prepareStore(name, count) {
  let filling = true;
  const skipWhileFilling =
    (real) =>
    (...args) =>
      filling ? Promise.resolve() : real(...args);
  const fs = await import('node:fs/promises');
  const path = join(dir, `${name}.json`);
  const store = createMetricsStore({
    path,
    runId: `bench-${name}`,
    fs: {
      writeFileSynced: skipWhileFilling(async (p, data) => {
        const handle = await fs.open(p, 'wx');
        await handle.writeFile(data, 'utf8');
        await handle.sync();
        await handle.close();
      }),
      rename: skipWhileFilling((from, to) => fs.rename(from, to)),
    },
  });
  for (let i = 0; i < count; i++) await store.writeReport(reportAt(i), entries);
  filling = false;
  return { store, path, historyPath: historyPathFor(path) };
}

async function timeWrite(store, i) {
  const startMs = performance.now();
  await store.writeReport(reportAt(i), entries);
  return performance.now() - startMs;
}

try {
  const big = await prepareStore('large', large);
  const smallMs = [];
  const largeMs = [];
  for (let i = 0; i < writes; i++) {
    // A fresh small store each time, so it always holds exactly `small` reports.
    const fresh = await prepareStore(`small-${i}`, small);
    const order = i % 2 === 0 ? ['small', 'large'] : ['large', 'small'];
    for (const which of order) {
      if (which === 'small') smallMs.push(await timeWrite(fresh.store, i));
      else largeMs.push(await timeWrite(big.store, i));
    }
    await fresh.store.close();
  }
  await big.store.close();
  printResult({
    writes,
    small,
    large,
    smallMedianMs: median(smallMs),
    largeMedianMs: median(largeMs),
    reportBytes: JSON.stringify(reports[0]).length,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
