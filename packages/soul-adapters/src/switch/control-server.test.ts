import { request as httpRequest } from 'node:http';
import {
  builtinCategories,
  ConfigError,
  createRandom,
  createRequestGenerator,
  createRun,
  createSystemClock,
  type Outcome,
  type Target,
} from '@buddy/traffic-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyError } from '../http/classify-error.js';
import { createHttpSoulTarget } from '../http/http-target.js';
import { createReferencePipeline } from '../reference/reference-pipeline.js';
import {
  type ReferenceSoulServer,
  startReferenceSoulServer,
} from '../server/reference-soul-server.js';
import { type ControlServer, startControlServer } from './control-server.js';
import { createSwitchableTarget, type SwitchableTarget } from './switchable-target.js';

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

function call(url: string, method: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = httpRequest(`${url}/soul`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString()),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };
const switchTo = (url: string, name: string) =>
  call(url, 'POST', JSON.stringify({ active: name }), json);

describe('control endpoint', () => {
  let control: ControlServer;
  let soul: SwitchableTarget;
  const stub: Target = {
    name: 'x',
    evaluate: async () => ({
      confidence: 1,
      preValidation: 'passed',
      approvalPath: 'approved',
      reasons: [],
      rules: [],
    }),
  };
  beforeAll(async () => {
    soul = createSwitchableTarget({
      targets: { reference: stub, real: stub },
      active: 'reference',
    });
    control = await startControlServer({ switchable: soul });
  });
  afterAll(() => control.close());

  test('GET shows the active Soul and counts; POST switches', async () => {
    expect(control.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await call(control.url, 'GET')).toMatchObject({
      status: 200,
      body: { active: 'reference', served: { reference: 0, real: 0 }, fallbacks: 0 },
    });
    const switched = await switchTo(control.url, 'real');
    expect(switched).toMatchObject({ status: 200, body: { active: 'real' } });
    expect(soul.active).toBe('real');
    expect(soul.switches).toHaveLength(1);
  });

  test.each([
    [
      'unknown name',
      '{"active":"nope"}',
      json,
      400,
      'field active: expected one of reference, real',
    ],
    ['bad JSON', '{"active":', json, 400, 'expected a JSON body like {"active":"real"}'],
    ['no active', '{"other":1}', json, 400, 'field active: expected a string'],
    ['text/plain', '{"active":"real"}', { 'content-type': 'text/plain' }, 415, 'content-type'],
    ['huge body', 'x'.repeat(5000), json, 413, 'body too large'],
  ])('POST with %s is refused clearly', async (_label, body, headers, status, error) => {
    const reply = await call(control.url, 'POST', body, headers);
    expect(reply.status).toBe(status);
    expect(reply.body['error']).toContain(error);
  });

  test('a non-loopback Host header is refused (DNS rebinding)', async () => {
    const reply = await call(control.url, 'GET', undefined, { host: 'evil.example:80' });
    expect(reply.status).toBe(403);
  });

  test('binding a non-loopback address is refused', async () => {
    await expect(startControlServer({ switchable: soul, host: '0.0.0.0' })).rejects.toThrow(
      ConfigError,
    );
  });
});

describe('switching over HTTP while a run goes on', () => {
  let server: ReferenceSoulServer;
  beforeAll(async () => {
    server = await startReferenceSoulServer();
  });
  afterAll(() => server.close());

  test('reference → real → reference, with served counts matching the outcomes', async () => {
    const real = createHttpSoulTarget({ url: server.url, maxConnections: 4 });
    // Evaluations wait while a switch request is on its way, so the switch lands mid-run.
    let gate: Promise<unknown> = Promise.resolve();
    const gated = (target: Target): Target => ({
      name: target.name,
      evaluate: async (request, options) => {
        await gate;
        return target.evaluate(request, options);
      },
    });
    const soul = createSwitchableTarget({
      targets: { reference: gated(createReferencePipeline()), real: gated(real) },
      active: 'reference',
    });
    const control = await startControlServer({ switchable: soul });
    const requests = createRequestGenerator({
      categories: builtinCategories,
      random: createRandom(5),
      runId: 'sw',
    });
    const outcomes: Outcome[] = [];
    const replies: Promise<Reply>[] = [];
    const requestSwitch = (name: string) => {
      const reply = switchTo(control.url, name);
      replies.push(reply);
      gate = reply;
    };
    const run = createRun({
      target: soul,
      requests,
      clock: createSystemClock(),
      arrival: { mode: 'closed', concurrency: 4 },
      maxRequests: 300,
      classifyError,
    });
    run.events.on('outcome', (outcome) => {
      outcomes.push(outcome);
      if (outcomes.length === 50) requestSwitch('real');
      if (replies.length === 1 && (soul.served['real'] ?? 0) >= 100) requestSwitch('reference');
    });
    await run.start();
    expect((await Promise.all(replies)).map((reply) => reply.body['active'])).toEqual([
      'real',
      'reference',
    ]);
    await Promise.all([control.close(), soul.close?.()]);

    expect(outcomes).toHaveLength(300);
    expect(outcomes.every((o) => o.success && o.error === undefined)).toBe(true);
    const byTarget = { reference: 0, real: 0 } as Record<string, number>;
    for (const o of outcomes) byTarget[o.servedBy] = (byTarget[o.servedBy] ?? 0) + 1;
    expect(soul.served).toEqual(byTarget);
    expect(byTarget['real']).toBeGreaterThanOrEqual(100);
    expect(byTarget['reference']).toBeGreaterThanOrEqual(50);
    expect(soul.switches.map((s) => s.to)).toEqual(['real', 'reference']);
  });
});
