import { createServer } from 'node:http';
import { inspect } from 'node:util';
import { ConfigError } from '@buddy/traffic-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ReferenceSoulServer,
  startReferenceSoulServer,
} from '../server/reference-soul-server.js';
import { checkSoulHealth } from './check-soul-health.js';
import { findClosedPort } from './fault-server.testkit.js';
import { createHttpSoulTarget } from './http-target.js';
import type { ResponseMapping } from './response-mapping.js';

const apiKey = 'sk-TEST-SECRET-123';
const never = new AbortController().signal;
const ask = { id: 'req-1', content: 'draft a Q1 project plan with milestones', category: 'simple' };

describe('options', () => {
  test.each([
    [{ url: 'not a url' }, /url: expected an http\(s\) URL/],
    [{ url: 'ftp://127.0.0.1' }, /url: expected http: or https:, received ftp:/],
    [{ url: `http://user:${apiKey}@127.0.0.1` }, /url: expected a URL without credentials/],
    [{ url: 'http://127.0.0.1', timeoutMs: 0 }, /timeoutMs: expected a number > 0, received 0/],
    [{ url: 'http://127.0.0.1', maxConnections: 1.5 }, /maxConnections: expected a whole/],
  ])('%o is refused clearly', (options, message) => {
    expect(() => createHttpSoulTarget(options)).toThrow(ConfigError);
    expect(() => createHttpSoulTarget(options)).toThrow(message);
    try {
      createHttpSoulTarget(options);
    } catch (error) {
      expect((error as Error).message).not.toContain(apiKey);
    }
  });
});

describe('against the reference server with a key', () => {
  let server: ReferenceSoulServer;
  beforeAll(async () => {
    server = await startReferenceSoulServer({ apiKey });
  });
  afterAll(() => server.close());

  test('the right bearer key gets a verdict', async () => {
    const target = createHttpSoulTarget({ url: server.url, apiKey });
    const verdict = await target.evaluate(ask, { signal: never });
    expect(verdict).toMatchObject({ preValidation: 'passed', approvalPath: 'approved' });
    await target.close?.();
  });

  test('a wrong key is an http_status error that does not show the key', async () => {
    const target = createHttpSoulTarget({ url: server.url, apiKey: 'sk-WRONG-KEY-999' });
    const failure = await target.evaluate(ask, { signal: never }).catch((error) => error);
    expect(failure).toMatchObject({ kind: 'http_status', message: expect.stringContaining('401') });
    expect(inspect(failure, { depth: 6 })).not.toContain('sk-WRONG-KEY-999');
    await target.close?.();
  });

  test('the health check passes, and fails clearly on a dead port', async () => {
    await expect(checkSoulHealth(server.url, { apiKey })).resolves.toBeUndefined();
    const port = await findClosedPort();
    const failure = await checkSoulHealth(`http://127.0.0.1:${port}`, { apiKey, timeoutMs: 5000 })
      .then(() => undefined)
      .catch((error: Error) => error);
    expect(failure?.message).toBe(
      `Soul health check failed (GET http://127.0.0.1:${port}/v1/health): ` +
        'connection refused (ECONNREFUSED)',
    );
    expect(inspect(failure, { depth: 6 })).not.toContain(apiKey);
  });
});

describe('a response mapping reaches another API', () => {
  const received: { url: string; body: unknown }[] = [];
  let url = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      received.push({ url: req.url ?? '', body });
      const decision = body.input.text.includes('hack') ? 'BLOCK' : 'ALLOW';
      res.end(
        JSON.stringify({
          result: { score: decision === 'BLOCK' ? 0.1 : 0.8, flagged: decision === 'BLOCK' },
          decision,
          notes: decision === 'BLOCK' ? ['harmful_intent'] : [],
        }),
      );
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/guard`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const mapping: ResponseMapping = {
    path: '/check',
    bodyTemplate: {
      input: { text: '{{content}}', ref: 'id={{request_id}}' },
      kind: '{{category}}',
    },
    confidence: 'result.score',
    preValidation: { path: 'result.flagged', passedValues: [false] },
    approvalPath: { path: 'decision', map: { ALLOW: 'approved', BLOCK: 'rejected' } },
    reasons: 'notes',
  };

  test('fills the template and reads the mapped verdict', async () => {
    const target = createHttpSoulTarget({ url, mapping });
    const content = 'please hack the $& mainframe';
    const verdict = await target.evaluate(
      { id: 'r9', content, category: 'adversarial' },
      {
        signal: never,
      },
    );
    expect(received.at(-1)).toEqual({
      url: '/guard/check',
      body: { input: { text: content, ref: 'id=r9' }, kind: 'adversarial' },
    });
    expect(verdict).toMatchObject({
      confidence: 0.1,
      preValidation: 'failed',
      approvalPath: 'rejected',
      reasons: ['harmful_intent'],
      rules: ['harmful_intent'],
    });
    const allowed = await target.evaluate(ask, { signal: never });
    expect(allowed).toMatchObject({ preValidation: 'passed', approvalPath: 'approved', rules: [] });
    await target.close?.();
  });

  test('an unmapped answer value is invalid_shape naming the field', async () => {
    const narrow = { ...mapping, approvalPath: { path: 'decision', map: { ALLOW: 'approved' } } };
    const target = createHttpSoulTarget({ url, mapping: narrow as ResponseMapping });
    const failure = await target
      .evaluate({ ...ask, content: 'hack it' }, { signal: never })
      .catch((error) => error);
    expect(failure).toMatchObject({
      kind: 'invalid_shape',
      message: expect.stringContaining('decision'),
    });
    await target.close?.();
  });
});
