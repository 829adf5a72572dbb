/**
 * Open-loop accuracy over HTTP: our scheduler vs Artillery at the same target rates against
 * the same reference server (its own process); then the highest rate our scheduler holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runArtillery } from '../lib/artillery.mjs';
import { runWorker, startSoulServer } from '../lib/child.mjs';
import {
  accuracyRows,
  describeRun,
  highestHeldRow,
  medianOf,
  openloopNotes,
} from './openloop-figures.mjs';

const SEED = 3;
const RATES = [500, 2000, 5000];
const STEPS = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000];

function runOurs({ url, seconds, warmup }, rate) {
  const args = { url, rate, seconds, warmup, seed: SEED };
  const argv = Object.entries(args).flatMap(([key, value]) => [`--${key}`, String(value)]);
  return runWorker('open-loop.mjs', argv, { timeoutMs: (seconds + warmup) * 10_000 + 60_000 });
}

/** Ours and Artillery at each rate, alternating who goes first from round to round. */
async function runAccuracy(setup, rounds, log) {
  const ours = new Map(RATES.map((r) => [r, []]));
  const theirs = new Map(RATES.map((r) => [r, []]));
  for (let round = 0; round < rounds; round++) {
    for (const rate of RATES) {
      const runs = [
        async () => ours.get(rate).push(await runOurs(setup, rate)),
        async () => theirs.get(rate).push(await runArtillery({ ...setup, rate })),
      ];
      if (round % 2 === 1) runs.reverse();
      for (const go of runs) await go();
      const progress = `openloop round ${round + 1}/${rounds}`;
      log(`${progress} ours: ${describeRun(ours.get(rate).at(-1))}`);
      log(`${progress} Artillery: ${describeRun(theirs.get(rate).at(-1))}`);
    }
  }
  return { ours, theirs };
}

/** Our scheduler at each step; steps round-robin so a noisy minute does not hit one only. */
async function runSteps(setup, rounds, log) {
  const stepRuns = new Map(STEPS.map((r) => [r, []]));
  for (let round = 0; round < rounds; round++) {
    for (const rate of STEPS) {
      const result = await runOurs(setup, rate);
      stepRuns.get(rate).push(result);
      log(`openloop step round ${round + 1}/${rounds}: ${describeRun(result)}`);
    }
  }
  return stepRuns;
}

export async function runOpenloop({ rounds = 3, quick, log }) {
  const seconds = quick ? 3 : 10;
  const warmup = quick ? 1 : 2;
  const work = mkdtempSync(join(tmpdir(), 'buddy-bench-openloop-'));
  const bodiesFile = join(work, 'bodies.json');
  const bodyArgs = ['--seed', SEED, '--count', 2000, '--out', bodiesFile].map(String);
  await runWorker('write-bodies.mjs', bodyArgs);
  const server = await startSoulServer();
  try {
    const setup = { url: server.url, seconds, warmup, bodiesFile };
    const { ours, theirs } = await runAccuracy(setup, rounds, log);
    const stepRuns = await runSteps(setup, rounds, log);
    const stepResults = STEPS.map((rate) => medianOf(stepRuns.get(rate)));
    const rows = RATES.flatMap((rate) =>
      accuracyRows(medianOf(ours.get(rate)), medianOf(theirs.get(rate)), rounds),
    );
    return {
      name: 'openloop',
      rows: [...rows, highestHeldRow(stepResults, rounds)],
      notes: openloopNotes({ warmup, seconds, stepResults }),
      raw: {
        ours: Object.fromEntries(ours),
        artillery: Object.fromEntries(theirs),
        steps: Object.fromEntries(stepRuns),
      },
    };
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
