import { inspect } from 'node:util';
import {
  createRandom,
  createRun,
  createSystemClock,
  type ErrorKind,
  type Outcome,
  type Target,
  type TrafficRequest,
} from '@buddy/traffic-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyError } from './classify-error.js';
import {
  type Fault,
  type FaultServer,
  faults,
  findClosedPort,
  startFaultServer,
} from './fault-server.testkit.js';
import { createHttpSoulTarget } from './http-target.js';
import { SoulRequestError } from './soul-request-error.js';

const apiKey = 'sk-TEST-SECRET-123';
const never = new AbortController().signal;

const expectedKind: Record<Fault | 'refused', ErrorKind | undefined> = {
  ok: undefined,
  stall: 'timeout',
  status_500: 'http_status',
  status_503: 'http_status',
  reset_mid_body: 'connection',
  closed_mid_body: 'connection',
  malformed_json: 'invalid_json',
  wrong_shape: 'invalid_shape',
  trickle: 'timeout',
  refused: 'connection',
};

let server: FaultServer;
let closedPort: number;
beforeAll(async () => {
  server = await startFaultServer();
  closedPort = await findClosedPort();
});
afterAll(() => server.close());

// Contents carry a marker that must never show up in an error message.
const marker = 'CONTENT-MARKER-42';
const request = (fault: string) => ({ id: 't-1', content: `${fault} ${marker}`, category: 'x' });

// Faults that end by timing out get a short deadline; the rest a long one, so a loaded machine
// cannot turn a quick 500 into a timeout.
const timeoutFor = (fault: string) => (expectedKind[fault as Fault] === 'timeout' ? 200 : 10_000);

async function failureOf(fault: Fault | 'refused'): Promise<SoulRequestError> {
  const url = fault === 'refused' ? `http://127.0.0.1:${closedPort}` : server.url;
  const target = createHttpSoulTarget({ url, apiKey, timeoutMs: timeoutFor(fault) });
  try {
    await target.evaluate(request(fault), { signal: never });
  } catch (error) {
    return error as SoulRequestError;
  } finally {
    await target.close?.();
  }
  throw new Error(`fault ${fault} did not fail`);
}

describe('each fault is classified', () => {
  const failing = [...faults.filter((fault) => fault !== 'ok'), 'refused'] as const;

  test.each(failing)('%s', async (fault) => {
    const error = await failureOf(fault);
    expect(error).toBeInstanceOf(SoulRequestError);
    expect(error.kind).toBe(expectedKind[fault]);
    expect(classifyError(error).kind).toBe(expectedKind[fault]);
    expect(error.message).not.toContain(apiKey);
    expect(inspect(error, { depth: 6 })).not.toContain(apiKey);
    expect(error.message).not.toContain(marker);
  });

  test('HTTP status errors name the status code', async () => {
    expect((await failureOf('status_503')).message).toContain('503');
    expect((await failureOf('status_500')).message).toContain('500');
  });

  test('a wrong shape names the field', async () => {
    expect((await failureOf('wrong_shape')).message).toMatch(/confidence/);
  });

  test('the bearer key was sent', () => {
    expect(server.authorizations).toContain(`Bearer ${apiKey}`);
  });

  test('a valid answer passes', async () => {
    const target = createHttpSoulTarget({ url: server.url, apiKey });
    const verdict = await target.evaluate(request('ok'), { signal: never });
    expect(verdict.approvalPath).toBe('approved');
    await target.close?.();
  });
});

describe('cancellation', () => {
  test('aborting the signal mid-request gives kind aborted', async () => {
    const target = createHttpSoulTarget({ url: server.url, timeoutMs: 60_000 });
    const controller = new AbortController();
    const received = server.nextRequest();
    const pending = target.evaluate(request('stall'), { signal: controller.signal });
    await received;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    await target.close?.();
  });

  test('an already aborted signal fails before sending', async () => {
    const target = createHttpSoulTarget({ url: server.url });
    const before = server.authorizations.length;
    await expect(
      target.evaluate(request('ok'), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ kind: 'aborted' });
    expect(server.authorizations.length).toBe(before);
    await target.close?.();
  });
});

describe('a run through every fault', () => {
  const perFault = 4;
  const okCount = 24;

  function shuffledContents(): string[] {
    const contents: string[] = Array(okCount).fill('ok');
    for (const fault of [...faults, 'refused']) {
      if (fault !== 'ok') contents.push(...Array<string>(perFault).fill(fault));
    }
    const random = createRandom(7);
    for (let i = contents.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [contents[i], contents[j]] = [contents[j] as string, contents[i] as string];
    }
    return contents;
  }

  test('keeps running and the counts add up exactly', async () => {
    const faulty = createHttpSoulTarget({ url: server.url, apiKey, timeoutMs: 1000 });
    const dead = createHttpSoulTarget({ url: `http://127.0.0.1:${closedPort}`, apiKey });
    const routed: Target = {
      name: 'real',
      evaluate: (req, options) =>
        (req.content.startsWith('refused') ? dead : faulty).evaluate(req, options),
    };
    const contents = shuffledContents();
    let seq = 0;
    const requests = {
      next: (): TrafficRequest => {
        const content = `${contents[seq % contents.length]} ${marker}`;
        return {
          id: `r-${seq}`,
          seq: seq++,
          category: 'simple',
          content,
          expectation: {},
          attack: false,
        };
      },
    };
    const outcomes: Outcome[] = [];
    const run = createRun({
      target: routed,
      requests,
      clock: createSystemClock(),
      arrival: { mode: 'closed', concurrency: 8 },
      maxRequests: contents.length,
      classifyError,
    });
    run.events.on('outcome', (outcome) => outcomes.push(outcome));
    const summary = await run.start();

    expect(summary.completed).toBe(contents.length);
    expect(outcomes).toHaveLength(contents.length);
    const succeeded = outcomes.filter((o) => o.success).length;
    const failed = outcomes.filter((o) => !o.success).length;
    expect(succeeded).toBe(okCount);
    expect(succeeded + failed).toBe(contents.length);
    const byKind: Record<string, number> = {};
    for (const o of outcomes) if (o.error) byKind[o.error.kind] = (byKind[o.error.kind] ?? 0) + 1;
    expect(byKind).toEqual({
      timeout: 2 * perFault,
      http_status: 2 * perFault,
      connection: 3 * perFault,
      invalid_json: perFault,
      invalid_shape: perFault,
    });
    for (const o of outcomes) {
      expect(o.error?.kind).toBe(expectedKind[o.request.content.split(' ')[0] as Fault]);
      expect(o.error?.message ?? '').not.toContain(apiKey);
      expect(o.error?.message ?? '').not.toContain(marker);
    }
    await Promise.all([faulty.close?.(), dead.close?.()]);
  });
});
