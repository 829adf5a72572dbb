/**
 * Child process for the torn-write test: writes reports in a tight loop until killed, printing
 * each completed report index on stdout. Usage: store-writer.fixture.ts <metrics path>.
 */
import { buildReport } from './report-fixture.js';
import { createMetricsStore } from './store.js';
import type { RequestEntry } from './types.js';

const entry = (index: number): RequestEntry => ({
  request: { id: `r-${index}`, content: 'z'.repeat(1500), category: 'simple', content_length: 1500 },
  timestamp: '2026-02-05T10:15:30.000Z',
  intended_at: '2026-02-05T10:15:30.000Z',
  success: true,
  confidence: 0.5,
  pre_validation: 'passed',
  approval_path: 'approved',
  execution_time: 0.1,
  latency: 0.1,
  error: null,
  error_kind: null,
  mismatch: null,
  served_by: 'reference',
  response: null,
});

async function main(path: string): Promise<void> {
  const store = createMetricsStore({ path, runId: `run-${process.pid}` });
  const requests = Array.from({ length: 100 }, (_, i) => entry(i));
  for (let index = 0; ; index++) {
    await store.writeReport(buildReport(index), requests);
    process.stdout.write(`${index}\n`);
  }
}

void main(process.argv[2] ?? 'metrics.json');
