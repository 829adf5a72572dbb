// Autocannon (from bench/.cache) against the reference server: same connection count, same
// warm-up and duration, POST /v1/evaluate cycling the same seeded bodies as our client.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { processCpuMicros } from '../lib/stats.mjs';

const { url, connections, seconds, warmup, bodies: bodiesFile } = readWorkerArgs();
const requireFromCache = createRequire(new URL('../.cache/package.json', import.meta.url));
const autocannon = requireFromCache('autocannon');

const headers = { 'content-type': 'application/json', accept: 'application/json' };
const requests = JSON.parse(readFileSync(bodiesFile, 'utf8')).map((body) => ({
  method: 'POST',
  path: '/v1/evaluate',
  headers,
  body: JSON.stringify(body),
}));

const result = await autocannon({
  url,
  connections,
  duration: seconds,
  warmup: { connections, duration: warmup },
  requests,
});
const ok = result['2xx'];
printResult({
  connections,
  completed: result.requests.total,
  ok,
  errors: result.errors + result.timeouts + result.non2xx,
  measuredSeconds: result.duration,
  ratePerSec: result.requests.total / result.duration,
  // CPU of the whole process (start-up and warm-up included), µs.
  cpuMicros: processCpuMicros(),
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
});
