import {
  analyzeCategories,
  analyzeErrors,
  analyzeTrends,
  type MergedRuns,
  mergeRuns,
  type RunInput,
  resolveTimeBound,
  summarize,
} from '@buddy/analysis';
import type { Mode, VisualizerFlags } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** The analyses asked for, as one JSON-ready document. */
export interface AnalysisDocument {
  files: string[];
  range: { since: string | null; until: string | null };
  warnings: string[];
  summary?: ReturnType<typeof summarize>;
  trends?: ReturnType<typeof analyzeTrends>;
  categories?: ReturnType<typeof analyzeCategories>;
  errors?: ReturnType<typeof analyzeErrors>;
}

/** Merges the runs over the asked time range and runs the asked analyses. */
export function analyzeRuns(
  inputs: readonly RunInput[],
  flags: VisualizerFlags,
  nowMs: number,
): AnalysisDocument {
  const merged = mergeRuns(inputs, rangeOf(inputs, flags, nowMs));
  const document: AnalysisDocument = {
    files: inputs.map((input) => input.source),
    range: merged.range,
    warnings: merged.warnings,
  };
  for (const mode of flags.modes) Object.assign(document, { [mode]: analyze(mode, merged) });
  return document;
}

function analyze(mode: Mode, merged: MergedRuns) {
  if (mode === 'summary') return summarize(merged);
  if (mode === 'trends') return analyzeTrends(merged.timeline);
  if (mode === 'categories') return analyzeCategories(merged);
  return analyzeErrors(merged);
}

/** Relative bounds (`2h`) count back from the newest report, so old files stay analysable. */
function rangeOf(inputs: readonly RunInput[], flags: VisualizerFlags, nowMs: number) {
  const referenceMs = newestReportMs(inputs) ?? nowMs;
  const since =
    flags.since === null ? undefined : new Date(resolveTimeBound(flags.since, referenceMs));
  const until =
    flags.until === null ? undefined : new Date(resolveTimeBound(flags.until, referenceMs));
  if (since !== undefined && until !== undefined && since > until) {
    throw new UsageError(
      `--since: expected a time before --until (${until.toISOString()}), ` +
        `received ${since.toISOString()}`,
    );
  }
  return { since, until };
}

function newestReportMs(inputs: readonly RunInput[]): number | null {
  const times = inputs.flatMap((input) =>
    [input.file.reports.at(-1), input.history.at(-1)].flatMap((report) =>
      report === undefined ? [] : [Date.parse(report.timestamp)],
    ),
  );
  const valid = times.filter((t) => !Number.isNaN(t));
  return valid.length === 0 ? null : Math.max(...valid);
}
