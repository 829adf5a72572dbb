import {
  type RenderOptions,
  renderCategories,
  renderErrors,
  renderSummary,
  renderTrends,
} from '@buddy/analysis';
import type { AnalysisDocument } from './analyze-runs.js';
import { MODES } from './parse-flags.js';
import { toSafeJson } from './safe-json.js';

/** The document as JSON, or as text/Markdown sections in the order of `--all`. */
export function renderDocument(
  document: AnalysisDocument,
  format: 'text' | 'json' | 'markdown',
  options: RenderOptions,
): string {
  if (format === 'json') return `${toSafeJson(document)}\n`;
  const renderOptions: RenderOptions = { ...options, format };
  const sections = MODES.flatMap((mode) => {
    if (mode === 'summary' && document.summary)
      return [renderSummary(document.summary, renderOptions)];
    if (mode === 'trends' && document.trends) return [renderTrends(document.trends, renderOptions)];
    if (mode === 'categories' && document.categories) {
      return [renderCategories(document.categories, renderOptions)];
    }
    if (mode === 'errors' && document.errors) return [renderErrors(document.errors, renderOptions)];
    return [];
  });
  return sections.join('\n');
}
