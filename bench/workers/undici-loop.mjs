// The floor under our HTTP client: a bare loop of undici `dispatch` calls (the pool our client
// uses, N connections, one request per connection at a time) with a minimal handler that only
// collects and parses the answer. No run loop, no deadline, no validation, no metrics.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { processCpuMicros } from '../lib/stats.mjs';

const { url, connections, seconds, warmup, bodies: bodiesFile } = readWorkerArgs();
// The undici the product resolves, not another copy.
const requireFromAdapters = createRequire(
  new URL('../../packages/soul-adapters/package.json', import.meta.url),
);
const { Pool } = requireFromAdapters('undici');

const bodies = JSON.parse(readFileSync(bodiesFile, 'utf8')).map((body) => JSON.stringify(body));
const headers = { 'content-type': 'application/json', accept: 'application/json' };
const { origin } = new URL(url);
const pool = new Pool(origin, { connections, pipelining: 1 });

let next = 0;
let completed = 0;
let errors = 0;
let measureFromMs = Number.POSITIVE_INFINITY;
const startMs = performance.now();
const measureAtMs = startMs + warmup * 1000;
const stopAtMs = measureAtMs + seconds * 1000;

/** One connection's loop: send, wait for the whole answer, send the next. */
function sendNext(resolve) {
  const now = performance.now();
  if (now >= stopAtMs) {
    resolve();
    return;
  }
  if (now >= measureAtMs && measureFromMs === Number.POSITIVE_INFINITY) measureFromMs = now;
  const measured = now >= measureAtMs;
  const chunks = [];
  const body = bodies[next];
  next = (next + 1) % bodies.length;
  pool.dispatch(
    { origin, path: '/v1/evaluate', method: 'POST', headers, body },
    {
      onRequestStart() {},
      onResponseStart() {},
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (measured && performance.now() <= stopAtMs) completed++;
        sendNext(resolve);
      },
      onResponseError() {
        if (measured) errors++;
        sendNext(resolve);
      },
    },
  );
}

await Promise.all(Array.from({ length: connections }, () => new Promise(sendNext)));
const measuredSeconds = (stopAtMs - measureFromMs) / 1000;
await pool.close();
printResult({
  connections,
  completed,
  errors,
  measuredSeconds,
  ratePerSec: completed / measuredSeconds,
  cpuMicros: processCpuMicros(),
});
