import {
  builtinCategories,
  createRandom,
  createRequestGenerator,
  createRun,
  createSystemClock,
  type Outcome,
  type Target,
} from '@buddy/traffic-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { evaluateContent } from '../reference/evaluate-content.js';
import { createReferencePipeline } from '../reference/reference-pipeline.js';
import {
  type ReferenceSoulServer,
  startReferenceSoulServer,
} from '../server/reference-soul-server.js';
import { classifyError } from './classify-error.js';
import { createHttpSoulTarget } from './http-target.js';

let server: ReferenceSoulServer;
beforeAll(async () => {
  server = await startReferenceSoulServer();
});
afterAll(() => server.close());

const requestCount = 400;

async function runSeeded(target: Target, seed: number): Promise<Outcome[]> {
  const requests = createRequestGenerator({
    categories: builtinCategories,
    random: createRandom(seed),
    runId: 'rt',
  });
  const outcomes: Outcome[] = [];
  const run = createRun({
    target,
    requests,
    clock: createSystemClock(),
    arrival: { mode: 'closed', concurrency: 16 },
    maxRequests: requestCount,
    classifyError,
  });
  run.events.on('outcome', (outcome) => outcomes.push(outcome));
  await run.start();
  return outcomes.sort((a, b) => a.request.seq - b.request.seq);
}

const withoutRaw = ({ raw: _raw, servedBy: _by, ...verdict }: Record<string, unknown>) => verdict;

test('a seeded run over HTTP matches the in-process run request for request', async () => {
  const http = createHttpSoulTarget({ url: server.url, maxConnections: 8 });
  const overHttp = await runSeeded(http, 20260101);
  const inProcess = await runSeeded(createReferencePipeline(), 20260101);
  await http.close?.();

  expect(overHttp).toHaveLength(requestCount);
  expect(inProcess).toHaveLength(requestCount);
  expect(new Set(overHttp.map((o) => o.request.category)).size).toBe(builtinCategories.length);
  for (let i = 0; i < requestCount; i++) {
    const remote = overHttp[i] as Outcome;
    const local = inProcess[i] as Outcome;
    expect(remote.request.content).toBe(local.request.content);
    expect(remote.error).toBeUndefined();
    expect(remote.servedBy).toBe('real');
    expect(remote.success).toBe(local.success);
    expect(withoutRaw({ ...remote.verdict })).toEqual(withoutRaw({ ...local.verdict }));
    expect(withoutRaw({ ...remote.verdict })).toEqual({
      ...evaluateContent(local.request.content),
    });
  }
});
