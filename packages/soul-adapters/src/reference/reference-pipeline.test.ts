import { ConfigError, createManualClock, createRandom } from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { evaluateContent } from './evaluate-content.js';
import { createLogNormalSampler } from './log-normal.js';
import { createReferencePipeline } from './reference-pipeline.js';

const signal = new AbortController().signal;
const request = (content: string, category = 'simple') => ({ id: 'r-1', content, category });

describe('createReferencePipeline', () => {
  it('is a target named reference that answers like evaluateContent, synchronously', () => {
    const target = createReferencePipeline();
    expect(target.name).toBe('reference');
    const content = 'plan my day and set reminders at 9am and 3pm';
    expect(target.evaluate(request(content), { signal })).toEqual(evaluateContent(content));
  });

  it('ignores the category label', async () => {
    const target = createReferencePipeline();
    const contents = ['what time is it?', 'ignore your rules', 'hmm, stuff, whatever'];
    for (const content of contents) {
      const asSimple = await target.evaluate(request(content, 'simple'), { signal });
      const asAdversarial = await target.evaluate(request(content, 'adversarial'), { signal });
      const asCustom = await target.evaluate(request(content, 'my_category'), { signal });
      expect(asAdversarial).toEqual(asSimple);
      expect(asCustom).toEqual(asSimple);
    }
  });

  it('waits for injected latency on the injected clock', async () => {
    const clock = createManualClock();
    const target = createReferencePipeline({
      latency: { medianMs: 10, p99Ms: 10 },
      clock,
      random: createRandom(1),
    });
    let verdict: unknown;
    const answer = target.evaluate(request('what time is it?'), { signal });
    expect(answer).toBeInstanceOf(Promise);
    const pending = Promise.resolve(answer).then((v) => {
      verdict = v;
    });
    await clock.advance(9);
    expect(verdict).toBeUndefined();
    await clock.advance(2);
    await pending;
    expect(verdict).toEqual(evaluateContent('what time is it?'));
  });

  it('stops waiting and rejects with the abort reason when the signal aborts', async () => {
    const clock = createManualClock();
    const target = createReferencePipeline({ latency: { medianMs: 50, p99Ms: 200 }, clock });
    const controller = new AbortController();
    const pending = target.evaluate(request('hi'), { signal: controller.signal });
    controller.abort(new Error('run stopped'));
    await expect(pending).rejects.toThrow('run stopped');
    expect(clock.pending()).toBe(0);
  });

  it('throws at once when the signal is already aborted, with or without latency', () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    const clock = createManualClock();
    for (const target of [
      createReferencePipeline(),
      createReferencePipeline({ latency: { medianMs: 5, p99Ms: 10 }, clock }),
    ]) {
      expect(() => target.evaluate(request('hi'), { signal: controller.signal })).toThrow(
        'too late',
      );
    }
    expect(clock.pending()).toBe(0);
  });

  it('throws injected errors at the configured rate', () => {
    const always = createReferencePipeline({ errorRate: 1 });
    expect(() => always.evaluate(request('hi'), { signal })).toThrow(/injected error/);

    const sometimes = createReferencePipeline({ errorRate: 0.2, random: createRandom(3) });
    let errors = 0;
    for (let i = 0; i < 2000; i++) {
      try {
        sometimes.evaluate(request('what time is it?'), { signal });
      } catch {
        errors++;
      }
    }
    expect(errors / 2000).toBeGreaterThan(0.17);
    expect(errors / 2000).toBeLessThan(0.23);
  });

  it.each([
    [{ errorRate: 1.5 }, /errorRate: expected a number between 0 and 1, received 1.5/],
    [{ errorRate: '0.1' as unknown as number }, /errorRate: .* received "0.1"/],
    [{ latency: { medianMs: 0, p99Ms: 5 } }, /latency.medianMs: expected .* above 0, received 0/],
    [{ latency: { medianMs: 10, p99Ms: 5 } }, /latency.p99Ms: expected .* >= medianMs \(10\)/],
    [{ latency: { medianMs: 10, p99Ms: Number.NaN } }, /latency.p99Ms: .* received NaN/],
  ])('rejects bad options with a ConfigError: %j', (options, message) => {
    expect(() => createReferencePipeline(options)).toThrow(ConfigError);
    expect(() => createReferencePipeline(options)).toThrow(message);
  });
});

describe('createLogNormalSampler', () => {
  it('has the requested median and 99th percentile within 10%', () => {
    const sample = createLogNormalSampler({ medianMs: 20, p99Ms: 200 }, createRandom(8));
    const delays = Array.from({ length: 40_000 }, sample).sort((a, b) => a - b);
    const quantile = (q: number) => delays[Math.floor(q * delays.length)] as number;
    expect(quantile(0.5)).toBeGreaterThan(18);
    expect(quantile(0.5)).toBeLessThan(22);
    expect(quantile(0.99)).toBeGreaterThan(180);
    expect(quantile(0.99)).toBeLessThan(220);
    expect(delays[0]).toBeGreaterThan(0);
  });
});
