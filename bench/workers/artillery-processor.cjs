// Artillery processor for the open-loop comparison: sends the same seeded bodies as our
// client, and logs each send time so Artillery's schedule keeping can be measured.
'use strict';
const fs = require('node:fs');

const bodies = JSON.parse(fs.readFileSync(process.env.BENCH_BODIES_FILE, 'utf8'));
const logPath = process.env.BENCH_SEND_LOG;
const pending = [];
let next = 0;

function flush() {
  if (pending.length === 0) return;
  fs.appendFileSync(logPath, `${pending.join('\n')}\n`);
  pending.length = 0;
}
process.on('exit', flush);
// The bench ends Artillery once its report is written; a timer keeps the log's tail current.
setInterval(flush, 100).unref();

/** beforeRequest hook: pick the next body, note the send time (epoch ms, sub-ms). */
function markSend(requestParams, _context, _events, done) {
  requestParams.json = bodies[next];
  next = (next + 1) % bodies.length;
  const nowMs = performance.timeOrigin + performance.now();
  pending.push(nowMs.toFixed(3));
  if (pending.length >= 2000) flush();
  return done();
}

module.exports = { markSend };
