import { sanitizeForTerminal } from '@buddy/report-format';

/** Any value from the metrics or live file, made safe to print (control characters gone). */
export function cleanText(value: unknown, maxLength = 200): string {
  if (value === null || value === undefined) return '';
  return sanitizeForTerminal(String(value), maxLength);
}
