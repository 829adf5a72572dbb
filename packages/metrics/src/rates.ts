/** `part` as a percentage of `whole`; null when `whole` is 0 (no data, never 0%). */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}
