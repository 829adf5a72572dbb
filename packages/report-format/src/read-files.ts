/** Readers of the metrics file and the live status file. */
import { readFile } from 'node:fs/promises';
import { MetricsFileError } from './metrics-file-error.js';
import { sanitizeForTerminal } from './sanitize.js';
import { parseLiveStatus, parseMetricsFile } from './schema.js';
import type { LiveStatus, MetricsFile } from './types.js';

/** Reads a text file; a missing file becomes METRICS_FILE_MISSING naming what was expected. */
export async function readTextOrMissing(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') throw error;
    const label = sanitizeForTerminal(path, 200);
    const message = `${label}: no ${what} found (it is written by the simulator once it runs)`;
    throw new MetricsFileError('METRICS_FILE_MISSING', message, { cause: error });
  }
}

/** Reads and validates a metrics file (v2 or the original layout). */
export async function readMetricsFile(path: string): Promise<MetricsFile> {
  return parseMetricsFile(await readTextOrMissing(path, 'metrics file'), path);
}

/** Reads and validates a live status file (`<base>.live.json`). */
export async function readLiveStatus(path: string): Promise<LiveStatus> {
  return parseLiveStatus(await readTextOrMissing(path, 'live status file'), path);
}
