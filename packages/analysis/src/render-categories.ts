import type { CategoryAnalysis } from './categories.js';
import { formatMs } from './describe-change.js';
import type { Block, RenderOptions } from './document.js';
import { formatCount, formatPct, formatScore } from './format.js';
import { writeBlocks } from './write-blocks.js';

/** Renders one row per category and names the categories whose success fell. */
export function renderCategories(analysis: CategoryAnalysis, options: RenderOptions = {}): string {
  return writeBlocks(categoryBlocks(analysis), options);
}

/** The category breakdown as format-neutral blocks. */
export function categoryBlocks(analysis: CategoryAnalysis): Block[] {
  const blocks: Block[] = [{ type: 'title', text: 'BUDDY TRAFFIC BY CATEGORY' }];
  if (analysis.rows.length === 0) return [...blocks, { type: 'text', text: 'No category data.' }];
  blocks.push({
    type: 'table',
    columns: [
      { label: 'Category', align: 'left' },
      { label: 'Count', align: 'right' },
      { label: 'Success', align: 'right' },
      { label: 'p50 ms', align: 'right' },
      { label: 'p95 ms', align: 'right' },
      { label: 'Conf', align: 'right' },
      { label: 'A/C/R %', align: 'right' },
      { label: 'Errors', align: 'right' },
    ],
    rows: analysis.rows.map((row) => [
      row.category,
      formatCount(row.count),
      formatPct(row.success_rate),
      formatBareMs(row.execution_p50_ms),
      formatBareMs(row.execution_p95_ms),
      formatScore(row.confidence_mean),
      splitOf(row.approved, row.clarification, row.rejected),
      formatCount(row.errors),
    ]),
  });
  blocks.push({ type: 'text', text: 'A/C/R: approved / clarification / rejected.', tone: 'dim' });
  blocks.push(fellBlock(analysis));
  return blocks;
}

/** `80/15/5`: shares of approved, clarification and rejected verdicts, percent. */
function splitOf(approved: number, clarification: number, rejected: number): string {
  const verdicts = approved + clarification + rejected;
  if (verdicts === 0) return 'n/a';
  return [approved, clarification, rejected].map((n) => Math.round((n / verdicts) * 100)).join('/');
}

function fellBlock(analysis: CategoryAnalysis): Block {
  if (analysis.comparison_note !== null) {
    return { type: 'text', text: `Success over time: ${analysis.comparison_note}.`, tone: 'dim' };
  }
  if (analysis.fell.length === 0) {
    return {
      type: 'text',
      text: 'No category lost success between the first and last quarter of the run.',
      tone: 'good',
    };
  }
  return {
    type: 'list',
    items: analysis.fell.map((f) => ({
      text: `success fell in ${f.category}: ${formatPct(f.from)} → ${formatPct(f.to)}`,
      tone: 'bad',
    })),
  };
}

/** A time in ms without its unit (the column header has it). */
function formatBareMs(valueMs: number | null): string {
  return valueMs === null ? 'n/a' : formatMs(valueMs).replace(' ms', '');
}
