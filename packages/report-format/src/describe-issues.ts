import type { z } from 'zod';
import { sanitizeForTerminal } from './sanitize.js';

const MAX_ISSUES_SHOWN = 3;
const MAX_PART_CHARS = 60;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Renders a path like `reports[2].categories["odd key"].success_rate`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(sanitizeForTerminal(String(key), MAX_PART_CHARS))}]`;
  }
  return out || '(top level)';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const message = sanitizeForTerminal(issue.message.replace(/^Invalid input: /, ''), 120);
  return `${formatPath(issue.path)}: ${message}`;
}

/** One line naming the first few bad fields, expected vs received. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map(describeIssue).join('; ');
  const more = issues.length - MAX_ISSUES_SHOWN;
  return more > 0 ? `${shown} (and ${more} more problem${more === 1 ? '' : 's'})` : shown;
}

/** A short, safe description of a JSON value's type for messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${sanitizeForTerminal(JSON.stringify(value) ?? String(value), 40)}`;
}
