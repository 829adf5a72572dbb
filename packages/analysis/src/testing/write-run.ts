import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltRun } from './build-run.js';

/** Writes a built run as a metrics file plus its JSON-lines history; returns the file's path. */
export async function writeRun(dir: string, name: string, run: BuiltRun): Promise<string> {
  await mkdir(dir, { recursive: true });
  const historyName = `${name.replace(/\.json$/, '')}.history.jsonl`;
  const lines = run.history.map((report) => JSON.stringify(report)).join('\n');
  await writeFile(join(dir, historyName), `${lines}\n`);
  const file = { ...run.file, history_file: run.history.length > 0 ? historyName : null };
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(file));
  return path;
}

/** A file in the original layout (SPEC 4.4): cumulative reports, no schema version. */
export function buildLegacyText(reports: number): string {
  const startMs = Date.UTC(2026, 1, 5, 10, 0, 0);
  const list = Array.from({ length: reports }, (_, i) => {
    const total = (i + 1) * 512;
    return {
      timestamp: new Date(startMs + (i + 1) * 300_000).toISOString(),
      elapsed_seconds: (i + 1) * 300,
      total_requests: total,
      success_rate: 100,
      failure_rate: 0,
      execution_time: { average: 0.1, min: 0.09, max: 1, p50: 0.1, p95: 0.15, p99: 0.18 },
      confidence: { mean: 0.422, std_dev: 0.292, min: 0.05, max: 0.98 },
      pre_validation: { passed: total * 0.65, failed: total * 0.35, pass_rate: 65 },
      approval_path: { approved: total * 0.5, clarification: total * 0.15, approval_rate: 50 },
      adversarial: { attempts: total * 0.05, blocked: total * 0.05, block_rate: 100 },
      error_rate: 0,
      load_level: i < 3 ? 1 : 2,
      request_interval: { min: i < 3 ? 50 : 35, max: i < 3 ? 200 : 135 },
    };
  });
  const requests = [
    {
      request: { content: 'what time is it?', category: 'simple' },
      success: true,
      execution_time: 0.1,
      confidence: 0.8,
      error: null,
    },
  ];
  return JSON.stringify({ reports: list, requests }, null, 2);
}
