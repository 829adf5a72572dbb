import { paint, type Tone } from './paint.js';
import { displayWidth, padEndToWidth, padStartToWidth, truncateToWidth } from './text-width.js';

/** One line inside a box: plain text (already sanitised) and how to colour it. */
export interface Row {
  text: string;
  tone?: Tone;
}

/** How wide boxes are and whether to colour them. */
export interface BoxLayout {
  /** Total width of a box in columns, borders included. */
  boxWidth: number;
  color: boolean;
}

/** Columns available for text inside a box (two borders, two spaces). */
export const innerWidth = (layout: BoxLayout): number => Math.max(1, layout.boxWidth - 4);

/** A `Label........ value` row whose dots fill the space between label and value. */
export function metricRow(label: string, value: string, inner: number, tone?: Tone): Row {
  const valueWidth = Math.min(displayWidth(value), inner);
  const labelRoom = inner - valueWidth - 1;
  if (labelRoom < 4) return { text: truncateToWidth(`${label} ${value}`, inner), tone };
  const shownLabel = truncateToWidth(label, labelRoom);
  const dots = '.'.repeat(Math.max(0, labelRoom - displayWidth(shownLabel)));
  return { text: `${shownLabel}${dots} ${padStartToWidth(value, valueWidth)}`, tone };
}

/** A section box: `┌─ TITLE ──┐`, rows between `│ ` and ` │`, then `└──┘`. */
export function renderSection(title: string, rows: Row[], layout: BoxLayout): string[] {
  const inner = innerWidth(layout);
  const span = layout.boxWidth - 2;
  const label = truncateToWidth(`─ ${title} `, span);
  const top = `┌${label}${'─'.repeat(Math.max(0, span - displayWidth(label)))}┐`;
  const body = rows.map((row) => `│ ${paintRow(row, inner, layout.color)} │`);
  return [paint(top, 'title', layout.color), ...body, `└${'─'.repeat(span)}┘`];
}

/** The double-lined header box: `╔═╗`, rows between `║ ` and ` ║`, then `╚═╝`. */
export function renderHeader(rows: Row[], layout: BoxLayout): string[] {
  const inner = innerWidth(layout);
  const span = layout.boxWidth - 2;
  const body = rows.map((row) => `║ ${paintRow(row, inner, layout.color)} ║`);
  return [`╔${'═'.repeat(span)}╗`, ...body, `╚${'═'.repeat(span)}╝`];
}

function paintRow(row: Row, inner: number, color: boolean): string {
  return paint(padEndToWidth(row.text, inner), row.tone ?? 'plain', color);
}
