import { sanitizeForTerminal } from '@buddy/report-format';
import { type Block, type Column, type RenderOptions, type Tone, widthOf } from './document.js';
import { wrapText } from './wrap-text.js';

/** Longest value or cell shown, characters; longer ones are cut by the sanitiser. */
const MAX_CELL_CHARS = 160;

const ANSI: Record<Tone, string> = {
  good: '\u001b[32m',
  warn: '\u001b[33m',
  bad: '\u001b[31m',
  dim: '\u001b[2m',
  plain: '',
};
const RESET = '\u001b[0m';

/** Writes blocks as terminal text: sanitised, aligned, coloured only when asked. */
export function writeText(blocks: readonly Block[], options: RenderOptions): string {
  const width = widthOf(options);
  const paint = (text: string, tone: Tone = 'plain') =>
    options.color === true && tone !== 'plain' ? `${ANSI[tone]}${text}${RESET}` : text;
  const lines = blocks.flatMap((block) => writeBlock(block, width, paint));
  return `${lines.join('\n').replace(/^\n+/, '')}\n`;
}

type Paint = (text: string, tone?: Tone) => string;

function clean(text: string): string {
  return sanitizeForTerminal(text, MAX_CELL_CHARS);
}

function writeBlock(block: Block, width: number, paint: Paint): string[] {
  switch (block.type) {
    case 'title':
      return ['', '═'.repeat(width), clean(block.text), '═'.repeat(width)];
    case 'heading':
      return ['', clean(block.text)];
    case 'fields':
      return writeFields(block.rows, width, paint);
    case 'table':
      return writeTable(block.columns, block.rows, width);
    case 'chart':
      return ['', `  ${clean(block.title)}`, ...block.lines.map((line) => `  ${clean(line)}`)];
    case 'text':
      return wrapText(clean(block.text), width, '  ', '  ').map((l) => paint(l, block.tone));
    case 'list':
      return block.items.flatMap((item) => [
        ...wrapText(clean(item.text), width, '  - ', '    ').map((l) => paint(l, item.tone)),
        ...(item.details ?? []).flatMap((detail) =>
          wrapText(clean(detail), width, '    ', '      ').map((l) => paint(l, 'dim')),
        ),
      ]);
  }
}

function writeFields(
  rows: { label: string; value: string; tone?: Tone }[],
  width: number,
  paint: Paint,
) {
  const labelWidth = Math.max(...rows.map((r) => r.label.length), 0);
  return rows.flatMap((row) => {
    const label = `  ${clean(row.label).padEnd(labelWidth)}  `;
    const lines = wrapText(clean(row.value), width, label, ' '.repeat(label.length));
    // Colour the value only, never the label or the padding.
    return lines.map(
      (line) => line.slice(0, label.length) + paint(line.slice(label.length), row.tone),
    );
  });
}

/** Pads columns to their widest cell; the first column shrinks when the table is too wide. */
function writeTable(columns: Column[], rows: string[][], width: number): string[] {
  const cells = [columns.map((c) => c.label), ...rows].map((row) => row.map(clean));
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const overflow = widths.reduce((a, b) => a + b + 2, 0) - width;
  if (overflow > 0 && widths[0] !== undefined) widths[0] = Math.max(8, widths[0] - overflow);

  const format = (row: string[]) =>
    `  ${row
      .map((cell, i) => fit(cell, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd()}`;
  const [header, ...body] = cells;
  const rule = `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`;
  return [format(header ?? []), rule, ...body.map(format)];
}

function fit(cell: string, width: number, align: 'left' | 'right'): string {
  const cut = cell.length > width ? `${cell.slice(0, Math.max(0, width - 1))}…` : cell;
  return align === 'right' ? cut.padStart(width) : cut.padEnd(width);
}
