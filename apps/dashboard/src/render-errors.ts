import type { Report } from '@buddy/metrics';
import { cleanText } from './clean-text.js';
import { formatCount } from './format-values.js';
import { type BoxLayout, innerWidth, metricRow, type Row, renderSection } from './frame-box.js';
import { truncateToWidth } from './text-width.js';

/** Most error groups listed under the kinds. */
const MAX_GROUPS = 3;

/** ERRORS: counts by kind over the run, then the largest groups; nothing when there are none. */
export function renderErrors(report: Report, layout: BoxLayout): string[] {
  const kinds = Object.entries(report.errors_by_kind ?? {}).filter(([, n]) => n > 0);
  if (kinds.length === 0 && (report.soul?.fallbacks ?? 0) === 0) return [];
  const inner = innerWidth(layout);
  kinds.sort(([, a], [, b]) => b - a);
  const rows: Row[] = kinds.map(([kind, n]) =>
    metricRow(cleanText(kind, 30) || '?', formatCount(n), inner, 'bad'),
  );
  const groups = [...(report.top_errors ?? [])].sort((a, b) => b.count - a.count);
  for (const group of groups.slice(0, MAX_GROUPS)) {
    const text = `${formatCount(group.count)}× ${cleanText(group.kind, 20)}: ${cleanText(group.message, 200)}`;
    rows.push({ text: truncateToWidth(text, inner), tone: 'dim' });
  }
  const fallbacks = report.soul?.fallbacks ?? 0;
  if (fallbacks > 0)
    rows.push(metricRow('Fallbacks to reference', formatCount(fallbacks), inner, 'warn'));
  return renderSection(`ERRORS (${formatCount(report.error_count ?? 0)})`, rows, layout);
}
