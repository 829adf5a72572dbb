// Artillery processor for the open-loop comparison: sends the same seeded bodies as our
// client, and logs each send time so Artillery's schedule keeping can be measured.
'use strict';
const fs = require('node:fs');

// Paths come from the script's config.variables (read on the first request).
let bodies;
let logPath;
const pending = [];
let next = 0;

function flush() {
  if (pending.length === 0 || logPath === undefined) return;
  fs.appendFileSync(logPath, `${pending.join('\n')}\n`);
  pending.length = 0;
}
process.on('exit', flush);
// The bench ends Artillery once its report is written; a timer keeps the log's tail current.
setInterval(flush, 100).unref();

/** beforeRequest hook: pick the next body, note the send time (epoch ms, sub-ms). */
function markSend(requestParams, context, _events, done) {
  if (bodies === undefined) {
    bodies = JSON.parse(fs.readFileSync(context.vars.benchBodiesFile, 'utf8'));
    logPath = context.vars.benchSendLog;
  }
  requestParams.json = bodies[next];
  next = (next + 1) % bodies.length;
  const nowMs = performance.timeOrigin + performance.now();
  pending.push(nowMs.toFixed(3));
  if (pending.length >= 2000) flush();
  return done();
}

module.exports = { markSend };
