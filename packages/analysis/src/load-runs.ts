import { basename, dirname, join } from 'node:path';
import { MetricsFileError, readHistory, readMetricsFile } from '@buddy/report-format';
import type { RunInput } from './merge-runs.js';

/**
 * Reads metrics files and their append-only histories, ready for {@link mergeRuns}.
 * A missing or unreadable history is not fatal: the run keeps its recent reports and a warning.
 * Throws `MetricsFileError` when a metrics file is missing or invalid.
 */
export async function loadRuns(paths: readonly string[]): Promise<RunInput[]> {
  return Promise.all(paths.map((path) => loadRun(path)));
}

async function loadRun(path: string): Promise<RunInput> {
  const file = await readMetricsFile(path);
  const warnings: string[] = [];
  if (file.history_file === null) return { source: path, file, history: [], warnings };

  // Only the basename is trusted: the history lives next to its metrics file.
  const historyPath = join(dirname(path), basename(file.history_file));
  try {
    const read = await readHistory(historyPath, { runId: file.run_id });
    if (read.skippedLines > 0) {
      warnings.push(`${historyPath}: skipped ${read.skippedLines} unreadable history lines`);
    }
    return { source: path, file, history: read.reports, warnings };
  } catch (error) {
    if (!(error instanceof MetricsFileError)) throw error;
    warnings.push(`${historyPath}: history not read (${error.message}); using recent reports only`);
    return { source: path, file, history: [], warnings };
  }
}
