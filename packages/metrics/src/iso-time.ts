// Date throws on NaN and beyond ±8.64e15 ms; a bad clock reading must not break a report.
const MAX_DATE_MS = 8.64e15;

/** ISO 8601 text of an epoch-ms time; the epoch itself when the time is unusable. */
export function toIsoTime(wallMs: number): string {
  const safe = Number.isFinite(wallMs) && Math.abs(wallMs) <= MAX_DATE_MS ? wallMs : 0;
  return new Date(safe).toISOString();
}
