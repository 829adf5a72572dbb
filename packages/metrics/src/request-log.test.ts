import { ConfigError } from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { createRequestLog } from './request-log.js';

describe('createRequestLog', () => {
  it('keeps the newest entries, oldest first and newest last', () => {
    const log = createRequestLog<number>(3);
    expect([...log]).toEqual([]);
    log.push(1);
    log.push(2);
    expect([...log]).toEqual([1, 2]);
    for (let i = 3; i <= 7; i++) log.push(i);
    expect(log.size).toBe(3);
    expect([...log]).toEqual([5, 6, 7]);
    expect(log.latest(2)).toEqual([6, 7]);
    expect(log.latest(10)).toEqual([5, 6, 7]);
    expect(log.latest(0)).toEqual([]);
  });

  it('never holds more than its capacity (default 10,000) on a long run', () => {
    const log = createRequestLog<number>();
    for (let i = 0; i < 200_000; i++) log.push(i);
    expect(log.capacity).toBe(10_000);
    expect(log.size).toBe(10_000);
    expect(log.latest(1)).toEqual([199_999]);
    expect([...log][0]).toBe(190_000);
  });

  it('empties on clear and rejects a bad capacity', () => {
    const log = createRequestLog<string>(2);
    log.push('a');
    log.clear();
    expect(log.size).toBe(0);
    expect([...log]).toEqual([]);
    expect(() => createRequestLog(0)).toThrow(ConfigError);
    expect(() => createRequestLog(1.5)).toThrow(/capacity: expected an integer/);
  });
});
