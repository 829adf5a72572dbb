/** Reader of the append-only history companion (one report per JSON line). */

import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Report } from '@buddy/metrics';
import { MetricsFileError } from './metrics-file-error.js';
import { reportSchema } from './report-schema.js';
import { sanitizeForTerminal } from './sanitize.js';

export interface ReadHistoryOptions {
  /** Keep only reports of this run. */
  runId?: string;
  /** Keep only the last N matching reports (bounded memory on long histories). */
  lastReports?: number;
}

export interface HistoryRead {
  /** Reports in file order (histograms: window kept, cumulative stripped). */
  reports: Report[];
  /** Lines that were not a valid report, e.g. a line torn by a killed writer. */
  skippedLines: number;
}

function parseLine(line: string): Report | null {
  try {
    const result = reportSchema.safeParse(JSON.parse(line));
    return result.success ? (result.data as Report) : null;
  } catch {
    return null;
  }
}

async function ensureExists(path: string): Promise<void> {
  try {
    await access(path);
  } catch (error) {
    const label = sanitizeForTerminal(path, 200);
    const message = `${label}: no history file found (written by the simulator at each report)`;
    throw new MetricsFileError('METRICS_FILE_MISSING', message, { cause: error });
  }
}

/** Reads the history, streaming; bad or torn lines are skipped and counted, never fatal. */
export async function readHistory(
  path: string,
  options: ReadHistoryOptions = {},
): Promise<HistoryRead> {
  await ensureExists(path);
  const limit = options.lastReports ?? Number.POSITIVE_INFINITY;
  const reports: Report[] = [];
  let skippedLines = 0;

  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const report = parseLine(line);
    if (report === null) skippedLines++;
    else if (options.runId === undefined || report.run_id === options.runId) {
      reports.push(report);
      if (reports.length > limit) reports.shift();
    }
  }
  return { reports, skippedLines };
}
