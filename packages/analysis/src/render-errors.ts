import type { Block, RenderOptions } from './document.js';
import type { ErrorAnalysis } from './errors.js';
import { formatCount, formatPct, formatShortTime } from './format.js';
import { writeBlocks } from './write-blocks.js';

/** How many categories an error row names before summarising the rest. */
const MAX_CATEGORIES_SHOWN = 3;

/** Renders errors grouped by kind and message, with counts, times seen and categories hit. */
export function renderErrors(analysis: ErrorAnalysis, options: RenderOptions = {}): string {
  return writeBlocks(errorBlocks(analysis), options);
}

/** The error analysis as format-neutral blocks. */
export function errorBlocks(analysis: ErrorAnalysis): Block[] {
  const blocks: Block[] = [
    { type: 'title', text: 'BUDDY TRAFFIC ERRORS' },
    {
      type: 'fields',
      rows: [
        {
          label: 'Errors',
          value: `${formatCount(analysis.total)} (${formatPct(analysis.rate, 2)} of requests)`,
          tone: analysis.total === 0 ? 'good' : 'bad',
        },
        {
          label: 'By kind',
          value: analysis.by_kind.map((k) => `${k.kind} ${formatCount(k.count)}`).join(', '),
        },
      ],
    },
  ];
  if (analysis.total === 0) return [...blocks, { type: 'text', text: 'No errors.', tone: 'good' }];
  blocks.push({ type: 'heading', text: 'By kind and message' }, groupList(analysis));
  if (analysis.ungrouped > 0) {
    blocks.push({
      type: 'text',
      text: `${formatCount(analysis.ungrouped)} more errors fell outside the kept top groups.`,
      tone: 'dim',
    });
  }
  return blocks;
}

function groupList(analysis: ErrorAnalysis): Block {
  return {
    type: 'list',
    items: analysis.groups.map((g) => ({
      text: `${formatCount(g.count)}× ${g.kind}: ${g.message}`,
      details: [
        `first ${formatShortTime(g.first_seen)}, last ${formatShortTime(g.last_seen)}`,
        `categories: ${categoriesOf(g.categories)}`,
      ],
    })),
  };
}

function categoriesOf(categories: { category: string; count: number }[]): string {
  if (categories.length === 0) return 'n/a';
  const shown = categories.slice(0, MAX_CATEGORIES_SHOWN).map((c) => `${c.category} ${c.count}`);
  const more = categories.length - shown.length;
  return more > 0 ? `${shown.join(', ')} +${more} more` : shown.join(', ');
}
