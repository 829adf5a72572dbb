/** The colours the dashboard uses, by meaning. */
export type Tone = 'plain' | 'bad' | 'warn' | 'good' | 'dim' | 'title';

const SGR: Record<Tone, string> = {
  plain: '',
  bad: '\x1b[1;31m',
  warn: '\x1b[33m',
  good: '\x1b[32m',
  dim: '\x1b[2m',
  title: '\x1b[1;36m',
};

const RESET = '\x1b[0m';

/** Wraps already-fitted text in a colour; a no-op when colour is off. */
export function paint(text: string, tone: Tone, color: boolean): string {
  if (!color || tone === 'plain' || text === '') return text;
  return `${SGR[tone]}${text}${RESET}`;
}

/** Removes the dashboard's own colour codes (to measure a painted line). */
export function stripPaint(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
