import { sanitizeForTerminal } from '@buddy/report-format';
import type { Block, Column } from './document.js';

/** Longest value or cell shown, characters. */
const MAX_CELL_CHARS = 160;

/** Writes blocks as GitHub-flavoured Markdown (e.g. a CI job summary); data is escaped. */
export function writeMarkdown(blocks: readonly Block[]): string {
  const parts = blocks.map((block) => writeBlock(block));
  return `${parts.join('\n\n')}\n`;
}

/**
 * Sanitised, with Markdown and HTML meta-characters escaped so data cannot format, link or
 * inject markup (escaping the brackets is enough to stop links, so parentheses stay readable).
 */
function escapeMarkdown(text: string): string {
  return sanitizeForTerminal(text, MAX_CELL_CHARS)
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function writeBlock(block: Block): string {
  switch (block.type) {
    case 'title':
      return `## ${escapeMarkdown(block.text)}`;
    case 'heading':
      return `### ${escapeMarkdown(block.text)}`;
    case 'fields':
      return block.rows
        .map((row) => `- **${escapeMarkdown(row.label)}:** ${escapeMarkdown(row.value)}`)
        .join('\n');
    case 'table':
      return writeTable(block.columns, block.rows);
    case 'chart':
      // Chart lines hold only our own ASCII, so the fence cannot be broken out of.
      return `**${escapeMarkdown(block.title)}**\n\n\`\`\`text\n${block.lines
        .map((line) => sanitizeForTerminal(line, 1000).replace(/`/g, "'"))
        .join('\n')}\n\`\`\``;
    case 'text':
      return escapeMarkdown(block.text);
    case 'list':
      return block.items
        .map((item) => [item.text, ...(item.details ?? [])].map(escapeMarkdown).join('  \n  '))
        .map((item) => `- ${item}`)
        .join('\n');
  }
}

function writeTable(columns: Column[], rows: string[][]): string {
  const header = `| ${columns.map((c) => escapeMarkdown(c.label)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = rows.map((row) => `| ${row.map(escapeMarkdown).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}
