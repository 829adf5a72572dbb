import {
  type LiveStatus,
  livePathFor,
  type MetricsFile,
  readLiveStatus,
  readMetricsFile,
} from '@buddy/report-format';
import type { DashboardState, FileProblem } from './dashboard-state.js';

/** Reads the metrics file and the live status into the next state; never throws. */
export async function loadDashboardState(previous: DashboardState): Promise<DashboardState> {
  const [metricsRead, live] = await Promise.all([
    readMetricsOrProblem(previous.filePath),
    readLiveOrNull(livePathFor(previous.filePath)),
  ]);
  if (metricsRead.ok) return { ...previous, metrics: metricsRead.metrics, problem: null, live };
  return { ...previous, problem: metricsRead.problem, live };
}

type MetricsRead = { ok: true; metrics: MetricsFile } | { ok: false; problem: FileProblem };

async function readMetricsOrProblem(path: string): Promise<MetricsRead> {
  try {
    return { ok: true, metrics: await readMetricsFile(path) };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}

function toProblem(error: unknown): FileProblem {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'METRICS_FILE_MISSING' || code === 'ENOENT') return { kind: 'missing', message };
  return { kind: 'invalid', message };
}

// The live status is a bonus: a missing, torn or foreign file just means "no live data".
async function readLiveOrNull(path: string): Promise<LiveStatus | null> {
  try {
    return (await readLiveStatus(path)) ?? null;
  } catch {
    return null;
  }
}
