import {
  ConfigError,
  createManualClock,
  createRun,
  createSystemClock,
  type Outcome,
  type Target,
  type TrafficRequest,
} from '@buddy/traffic-core';
import { describe, expect, test } from 'vitest';
import { classifyError } from '../http/classify-error.js';
import { SoulRequestError } from '../http/soul-request-error.js';
import { createSwitchableTarget } from './switchable-target.js';

const never = new AbortController().signal;
const ask = { id: 'a', content: 'hello', category: 'simple' };

function fixedTarget(name: string, confidence: number): Target {
  return {
    name,
    evaluate: async () => ({
      confidence,
      preValidation: 'passed',
      approvalPath: 'approved',
      reasons: [],
      rules: [],
    }),
  };
}

function failingTarget(name: string): Target {
  return {
    name,
    evaluate: async () => {
      throw new SoulRequestError('connection', 'connection refused (ECONNREFUSED)');
    },
  };
}

/** An in-process target: answers (or throws) synchronously, never with a promise. */
function syncTarget(name: string, confidence: number | 'throws'): Target {
  return {
    name,
    evaluate: () => {
      if (confidence === 'throws') throw new SoulRequestError('connection', 'sync failure');
      return {
        confidence,
        preValidation: 'passed',
        approvalPath: 'approved',
        reasons: [],
        rules: [],
      };
    },
  };
}

const twoSouls = () => ({
  reference: fixedTarget('reference', 0.7),
  real: fixedTarget('real', 0.9),
});

describe('switching', () => {
  test('serves from the active target and records switches with wall time', async () => {
    const clock = createManualClock(0, Date.UTC(2026, 0, 1));
    const soul = createSwitchableTarget({ targets: twoSouls(), active: 'reference', clock });
    expect((await soul.evaluate(ask, { signal: never })).servedBy).toBe('reference');
    await clock.advance(1500);
    soul.switchTo('real');
    expect(soul.name).toBe('real');
    const verdict = await soul.evaluate(ask, { signal: never });
    expect(verdict).toMatchObject({ servedBy: 'real', confidence: 0.9 });
    soul.switchTo('real');
    soul.switchTo('reference');
    expect(soul.served).toEqual({ reference: 1, real: 1 });
    expect(soul.switches).toEqual([
      {
        at: '2026-01-01T00:00:01.500Z',
        atWallMs: Date.UTC(2026, 0, 1) + 1500,
        from: 'reference',
        to: 'real',
      },
      {
        at: '2026-01-01T00:00:01.500Z',
        atWallMs: Date.UTC(2026, 0, 1) + 1500,
        from: 'real',
        to: 'reference',
      },
    ]);
  });

  test('unknown names are refused with the known ones listed', () => {
    expect(() => createSwitchableTarget({ targets: twoSouls(), active: 'other' })).toThrow(
      new ConfigError('active: unknown Soul "other"; expected one of reference, real'),
    );
    const soul = createSwitchableTarget({ targets: twoSouls(), active: 'real' });
    expect(() => soul.switchTo('nope')).toThrow(/switchTo: unknown Soul "nope"/);
    expect(soul.active).toBe('real');
  });
});

describe('fallback', () => {
  const souls = () => ({ reference: fixedTarget('reference', 0.7), real: failingTarget('real') });

  test('when enabled, a failure is answered by the fallback and counted', async () => {
    const soul = createSwitchableTarget({
      targets: souls(),
      active: 'real',
      fallback: 'reference',
    });
    const verdict = await soul.evaluate(ask, { signal: never });
    expect(verdict).toMatchObject({ servedBy: 'reference', fellBack: true, confidence: 0.7 });
    expect(soul.fallbacks).toBe(1);
    expect(soul.served).toEqual({ reference: 1, real: 0 });
  });

  test('when disabled, the error propagates and nothing falls back', async () => {
    const soul = createSwitchableTarget({ targets: souls(), active: 'real' });
    await expect(soul.evaluate(ask, { signal: never })).rejects.toMatchObject({
      kind: 'connection',
    });
    expect(soul.fallbacks).toBe(0);
    expect(soul.served).toEqual({ reference: 0, real: 1 });
  });

  test('an aborted run does not fall back', async () => {
    const soul = createSwitchableTarget({
      targets: souls(),
      active: 'real',
      fallback: 'reference',
    });
    await expect(soul.evaluate(ask, { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(soul.fallbacks).toBe(0);
  });

  test('a failing fallback reports the primary failure', async () => {
    const targets = { reference: failingTarget('reference'), real: failingTarget('real') };
    const soul = createSwitchableTarget({ targets, active: 'real', fallback: 'reference' });
    await expect(soul.evaluate(ask, { signal: never })).rejects.toBeInstanceOf(SoulRequestError);
    expect(soul.fallbacks).toBe(0);
    expect(soul.served).toEqual({ reference: 0, real: 1 });
  });
});

describe('synchronous targets', () => {
  test('an answer given at once is passed on at once, as it is, and counted', () => {
    const reference = syncTarget('reference', 0.7);
    const soul = createSwitchableTarget({
      targets: { reference, real: syncTarget('real', 0.9) },
      active: 'reference',
    });
    const inner = reference.evaluate(ask, { signal: never });
    const answer = soul.evaluate(ask, { signal: never });
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toEqual(inner);
    // No servedBy needed: the switch's name still names the Soul that answered.
    expect(soul.name).toBe('reference');
    soul.switchTo('real');
    expect(soul.evaluate(ask, { signal: never })).toMatchObject({ confidence: 0.9 });
    expect(soul.name).toBe('real');
    expect(soul.served).toEqual({ reference: 1, real: 1 });
  });

  test('a synchronous throw falls back at once when enabled', () => {
    const soul = createSwitchableTarget({
      targets: { reference: syncTarget('reference', 0.7), real: syncTarget('real', 'throws') },
      active: 'real',
      fallback: 'reference',
    });
    const answer = soul.evaluate(ask, { signal: never });
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toMatchObject({ servedBy: 'reference', fellBack: true, confidence: 0.7 });
    expect(soul.fallbacks).toBe(1);
    expect(soul.served).toEqual({ reference: 1, real: 0 });
  });

  test('a synchronous throw falls back to an asynchronous fallback', async () => {
    const soul = createSwitchableTarget({
      targets: { reference: fixedTarget('reference', 0.7), real: syncTarget('real', 'throws') },
      active: 'real',
      fallback: 'reference',
    });
    const answer = soul.evaluate(ask, { signal: never });
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toMatchObject({ servedBy: 'reference', fellBack: true });
    expect(soul.served).toEqual({ reference: 1, real: 0 });
  });

  test('with no fallback, or a failing one, the primary error is reported', async () => {
    const alone = createSwitchableTarget({
      targets: { reference: syncTarget('reference', 0.7), real: syncTarget('real', 'throws') },
      active: 'real',
    });
    expect(() => alone.evaluate(ask, { signal: never })).toThrow('sync failure');
    expect(alone.served).toEqual({ reference: 0, real: 1 });

    const both = createSwitchableTarget({
      targets: { reference: failingTarget('reference'), real: syncTarget('real', 'throws') },
      active: 'real',
      fallback: 'reference',
    });
    await expect(both.evaluate(ask, { signal: never })).rejects.toThrow('sync failure');
    expect(both.served).toEqual({ reference: 0, real: 1 });
  });

  test('in a run, every outcome names the Soul that answered across switches', async () => {
    const soul = createSwitchableTarget({
      targets: { reference: syncTarget('reference', 0.7), real: syncTarget('real', 0.9) },
      active: 'reference',
    });
    let seq = 0;
    const run = createRun({
      target: soul,
      requests: {
        next: () => ({ ...ask, id: `s-${seq}`, seq: seq++, expectation: {}, attack: false }),
      },
      clock: createManualClock(),
      arrival: { mode: 'closed', concurrency: 4 },
      maxRequests: 300,
    });
    const outcomes: Outcome[] = [];
    run.events.on('outcome', (outcome) => {
      outcomes.push(outcome);
      if (outcomes.length === 100) soul.switchTo('real');
      if (outcomes.length === 200) soul.switchTo('reference');
    });
    await run.start();
    const servedBy = outcomes.map((o) => `${o.servedBy}:${o.verdict?.confidence}`);
    expect(servedBy.slice(99, 101)).toEqual(['reference:0.7', 'real:0.9']);
    expect(servedBy.slice(199, 201)).toEqual(['real:0.9', 'reference:0.7']);
    expect(soul.served).toEqual({ reference: 200, real: 100 });
    expect(outcomes.filter((o) => o.servedBy === 'real')).toHaveLength(100);
  });
});

describe('mid-run', () => {
  const total = 300;
  let seq = 0;
  const requests = {
    next: (): TrafficRequest => ({
      id: `m-${seq}`,
      seq: seq++,
      category: 'simple',
      content: 'hello',
      expectation: { preValidation: 'passed' },
      attack: false,
    }),
  };

  async function runSwitching(fallback: boolean) {
    const targets = { reference: fixedTarget('reference', 0.7), real: failingTarget('real') };
    const soul = createSwitchableTarget({
      targets: fallback ? targets : { ...targets, real: fixedTarget('real', 0.9) },
      active: 'reference',
      ...(fallback ? { fallback: 'reference' } : {}),
    });
    const outcomes: Outcome[] = [];
    const run = createRun({
      target: soul,
      requests,
      clock: createSystemClock(),
      arrival: { mode: 'closed', concurrency: 4 },
      maxRequests: total,
      classifyError,
    });
    run.events.on('outcome', (outcome) => {
      outcomes.push(outcome);
      if (outcomes.length === 100) soul.switchTo('real');
      if (outcomes.length === 200) soul.switchTo('reference');
    });
    await run.start();
    return { soul, outcomes };
  }

  const countBy = (outcomes: Outcome[], key: (o: Outcome) => string) => {
    const counts: Record<string, number> = {};
    for (const o of outcomes) counts[key(o)] = (counts[key(o)] ?? 0) + 1;
    return counts;
  };

  test('switching both ways while running: counts add up and match the outcomes', async () => {
    const { soul, outcomes } = await runSwitching(false);
    expect(outcomes).toHaveLength(total);
    expect(soul.switches.map((s) => `${s.from}>${s.to}`)).toEqual([
      'reference>real',
      'real>reference',
    ]);
    expect(soul.served).toEqual(countBy(outcomes, (o) => o.servedBy));
    expect((soul.served['real'] ?? 0) >= 90).toBe(true);
    expect((soul.served['reference'] ?? 0) >= 190).toBe(true);
    expect(outcomes.every((o) => o.success)).toBe(true);
  });

  test('with fallback on, every failure of the real Soul is counted as a fallback', async () => {
    const { soul, outcomes } = await runSwitching(true);
    const fellBack = outcomes.filter((o) => o.fellBack);
    expect(fellBack.length).toBe(soul.fallbacks);
    expect(fellBack.length).toBeGreaterThanOrEqual(90);
    expect(fellBack.every((o) => o.servedBy === 'reference' && o.success)).toBe(true);
    expect(soul.served).toEqual({ reference: total, real: 0 });
  });
});
