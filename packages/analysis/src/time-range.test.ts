import { describe, expect, it } from 'vitest';
import { cutTimeRange, parseTimeBound, resolveTimeBound } from './time-range.js';

describe('parseTimeBound', () => {
  it('reads relative durations and ISO times', () => {
    expect(parseTimeBound('2h')).toEqual({ kind: 'relative', agoMs: 7_200_000 });
    expect(parseTimeBound('90s')).toEqual({ kind: 'relative', agoMs: 90_000 });
    expect(parseTimeBound('1.5d')).toEqual({ kind: 'relative', agoMs: 129_600_000 });
    expect(parseTimeBound('2026-01-01T10:00:00Z')).toEqual({
      kind: 'absolute',
      atMs: Date.UTC(2026, 0, 1, 10),
    });
  });

  it('rejects anything else', () => {
    for (const text of ['', 'yesterday', '2x', '-2h', '12', '2026-13-45T99:00:00Z']) {
      expect(parseTimeBound(text)).toBeNull();
    }
  });

  it('resolves a relative bound back from the reference time', () => {
    expect(resolveTimeBound({ kind: 'relative', agoMs: 1000 }, 5000)).toBe(4000);
    expect(resolveTimeBound({ kind: 'absolute', atMs: 7 }, 5000)).toBe(7);
  });
});

describe('cutTimeRange', () => {
  const reports = ['10:00', '11:00', '12:00'].map((t) => ({
    timestamp: `2026-01-01T${t}:00.000Z`,
  }));

  it('keeps reports inside the inclusive bounds', () => {
    const since = new Date('2026-01-01T11:00:00Z');
    expect(cutTimeRange(reports, since)).toHaveLength(2);
    expect(cutTimeRange(reports, undefined, since)).toHaveLength(2);
    expect(cutTimeRange(reports, since, since)).toEqual([reports[1]]);
    expect(cutTimeRange(reports)).toHaveLength(3);
  });
});
