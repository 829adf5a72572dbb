import { createManualClock } from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { createReportCadence } from './report-cadence.js';

describe('createReportCadence', () => {
  it('is due after N requests (default 500)', () => {
    const cadence = createReportCadence();
    for (let i = 0; i < 499; i++) cadence.recordRequest();
    expect(cadence.isDue(1000)).toBe(false);
    cadence.recordRequest();
    expect(cadence.isDue(1000)).toBe(true);
    cadence.markReported(1000);
    expect(cadence.isDue(1000)).toBe(false);
    expect(cadence.requestsSinceReport).toBe(0);
  });

  it('is due after S seconds on the injected clock (default 300), whichever comes first', () => {
    const clock = createManualClock(5000);
    const cadence = createReportCadence({ startMs: clock.now(), everyRequests: 10 });
    clock.set(5000 + 299_999);
    expect(cadence.isDue(clock.now())).toBe(false);
    expect(cadence.msUntilDue(clock.now())).toBe(1);
    clock.set(5000 + 300_000);
    expect(cadence.isDue(clock.now())).toBe(true);
    cadence.markReported(clock.now());
    for (let i = 0; i < 10; i++) cadence.recordRequest();
    expect(cadence.isDue(clock.now() + 1)).toBe(true);
  });

  it('lets Infinity turn one trigger off and rejects other bad values', () => {
    const countOnly = createReportCadence({ everySeconds: Number.POSITIVE_INFINITY });
    expect(countOnly.isDue(1e12)).toBe(false);
    expect(countOnly.msUntilDue(0)).toBe(Number.POSITIVE_INFINITY);
    expect(() => createReportCadence({ everyRequests: 0 })).toThrow(
      /report\.everyRequests: expected a positive integer or Infinity, received 0/,
    );
    expect(() => createReportCadence({ everySeconds: -1 })).toThrow(/report\.everySeconds/);
  });
});
