/** Figures of the open-loop benchmark: medians over rounds, table rows, notes. */
import { goalText, row } from '../lib/format.mjs';
import { median } from '../lib/stats.mjs';

const HELD_P99_MS = 10;

/** Held: achieved within 1% of the target and p99 send lateness under 10 ms. */
export const isHeld = (r) =>
  Math.abs(r.achievedPerSec / r.rate - 1) <= 0.01 && r.lateByMs.p99 < HELD_P99_MS;

/** Medians of each figure over rounds (ours or Artillery's results at one rate). */
export function medianOf(results) {
  const pick = (f) => median(results.map(f));
  return {
    rate: results[0].rate,
    achievedPerSec: pick((r) => r.achievedPerSec),
    lateByMs: {
      p50: pick((r) => r.lateByMs.p50),
      p99: pick((r) => r.lateByMs.p99),
      max: pick((r) => r.lateByMs.max),
    },
    dropped: pick((r) => r.dropped ?? 0),
    errors: pick((r) => r.errors),
    latencyP99Ms: pick((r) => r.latencyMs?.p99 ?? r.responseTimeMs?.p99),
    loopDelayP99Ms: pick((r) => r.eventLoopDelayMs?.p99 ?? Number.NaN),
    cpuShare: pick((r) => r.cpuShare ?? Number.NaN),
  };
}

const withinOnePercent = (rate) => goalText('within 1%', (v) => Math.abs(v / rate - 1) <= 0.01);

function ourRows(label, ours, rounds) {
  const held = withinOnePercent(ours.rate);
  const p99Goal = goalText('< 10 ms', (v) => v < HELD_P99_MS);
  return [
    row(`${label} ours: achieved (median of ${rounds})`, ours.achievedPerSec, 'req/s', held),
    row(`${label} ours: send lateness p50`, ours.lateByMs.p50, 'ms'),
    row(`${label} ours: send lateness p99`, ours.lateByMs.p99, 'ms', p99Goal),
    row(`${label} ours: send lateness max`, ours.lateByMs.max, 'ms'),
    row(`${label} ours: dropped sends`, ours.dropped, 'count'),
    row(`${label} ours: latency p99 (from intended send)`, ours.latencyP99Ms, 'ms'),
    row(`${label} ours: client event-loop delay p99`, ours.loopDelayP99Ms, 'ms'),
    row(`${label} ours: client CPU (share of one core)`, ours.cpuShare, 'ratio'),
  ];
}

function artilleryRows(label, ours, theirs) {
  return [
    row(
      `${label} Artillery: achieved`,
      theirs.achievedPerSec,
      'req/s',
      withinOnePercent(theirs.rate),
    ),
    row(`${label} Artillery: send lateness p50 (vs ideal schedule)`, theirs.lateByMs.p50, 'ms'),
    row(`${label} Artillery: send lateness p99`, theirs.lateByMs.p99, 'ms'),
    row(`${label} Artillery: send lateness max`, theirs.lateByMs.max, 'ms'),
    row(`${label} Artillery: response time p99 (its own)`, theirs.latencyP99Ms, 'ms'),
    row(
      `${label} achieved rate ours / Artillery`,
      ours.achievedPerSec / theirs.achievedPerSec,
      'ratio',
    ),
  ];
}

/** Rows of one target rate: our figures, then Artillery's next to them. */
export function accuracyRows(ours, theirs, rounds) {
  const label = `${ours.rate.toLocaleString('en-US')}/s`;
  return [...ourRows(label, ours, rounds), ...artilleryRows(label, ours, theirs)];
}

/** The row of the highest step held. */
export function highestHeldRow(stepResults, rounds) {
  // Every step up to it held: a lucky step above a failed one does not count.
  const firstMissed = stepResults.findIndex((r) => !isHeld(r));
  const held = firstMissed === -1 ? stepResults : stepResults.slice(0, firstMissed);
  const top = stepResults.at(-1)?.rate ?? 0;
  const all = held.length === stepResults.length ? `, all held up to the top step ${top}/s` : '';
  return row(
    `highest rate held (steps of 1,000/s, medians of ${rounds}${all})`,
    held.length > 0 ? (held.at(-1)?.rate ?? 0) : 0,
    'req/s',
    goalText('>= 4,000 req/s', (v) => v >= 4000),
  );
}

/** One line per run or step, for progress and notes. */
export function describeRun(r) {
  const loop = r.eventLoopDelayMs?.p99 ?? r.loopDelayP99Ms;
  return (
    `${r.rate}/s -> ${r.achievedPerSec.toFixed(0)}/s, ` +
    `p99 lateness ${r.lateByMs.p99.toFixed(2)} ms` +
    (r.dropped === undefined ? '' : `, dropped ${r.dropped}`) +
    (loop === undefined ? '' : `, loop delay p99 ${loop.toFixed(1)} ms`)
  );
}

const describeStep = (r) => `${describeRun(r)}${isHeld(r) ? ' (held)' : ''}`;

/** How the runs were made, for the notes under the table. */
export function openloopNotes({ warmup, seconds, stepResults }) {
  return [
    `Each run: ${warmup} s warm-up (excluded), then ${seconds} s at a constant rate; each in a ` +
      'fresh process, ours and Artillery alternating, all against one reference server process ' +
      'on 127.0.0.1. Held = achieved within 1% and p99 send lateness < 10 ms.',
    "Our lateness is the run loop's own `lateByMs` (actual start - intended start). Artillery " +
      'has no such figure: its sends are logged by a beforeRequest hook and compared with an ' +
      'ideal constant-rate schedule anchored at its first send (so early sends count negative). ' +
      'Both send the same seeded request bodies (Artillery cycles the first 2,000).',
    `Steps (medians): ${stepResults.map(describeStep).join('; ')}`,
  ];
}
