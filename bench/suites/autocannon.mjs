/** Throughput against the reference server: our closed-loop HTTP client vs autocannon. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorker, startSoulServer } from '../lib/child.mjs';
import { atLeast, row } from '../lib/format.mjs';
import { renderProfileSummary } from '../lib/profile-summary.mjs';
import { median } from '../lib/stats.mjs';
import { ensureTool, guardedEnv } from '../lib/tools.mjs';

const SEED = 5;
const BODIES = 2000;

/** Profiles our client at `connections` for one run and summarises where its time went. */
async function profileOurs(common, work) {
  const file = join(work, 'closed-http.cpuprofile');
  await runWorker('closed-http.mjs', [
    ...common,
    '--seed',
    String(SEED),
    '--count',
    String(BODIES),
    '--profile',
    file,
  ]);
  const summary = await runWorker('profile-report.mjs', ['--profile', file, '--limit', '20'], {
    nodeFlags: ['--enable-source-maps'],
    quietStderr: true,
  });
  return renderProfileSummary(summary);
}

export async function runAutocannon({ rounds = 3, quick, log }) {
  await ensureTool('autocannon');
  const seconds = quick ? 3 : 10;
  const warmup = quick ? 1 : 2;
  const work = mkdtempSync(join(tmpdir(), 'buddy-bench-autocannon-'));
  const bodiesFile = join(work, 'bodies.json');
  await runWorker(
    'write-bodies.mjs',
    ['--seed', SEED, '--count', BODIES, '--out', bodiesFile].map(String),
  );
  const server = await startSoulServer();
  try {
    const rows = [];
    const raw = {};
    let profile;
    for (const connections of [10, 50]) {
      const common = [
        '--url',
        server.url,
        '--connections',
        connections,
        '--seconds',
        seconds,
        '--warmup',
        warmup,
      ].map(String);
      const ours = [];
      const theirs = [];
      const floor = [];
      for (let round = 0; round < rounds; round++) {
        const runs = [
          async () =>
            ours.push(
              await runWorker('closed-http.mjs', [
                ...common,
                '--seed',
                String(SEED),
                '--count',
                String(BODIES),
              ]),
            ),
          async () =>
            theirs.push(
              await runWorker('autocannon.mjs', [...common, '--bodies', bodiesFile], {
                plain: true,
                env: guardedEnv(),
              }),
            ),
          async () =>
            floor.push(
              await runWorker('undici-loop.mjs', [...common, '--bodies', bodiesFile], {
                plain: true,
              }),
            ),
        ];
        // Each round starts with a different tool, so none always runs on a fresher machine.
        for (let i = 0; i < runs.length; i++) await runs[(i + round) % runs.length]();
        const rate = (results) => results.at(-1).ratePerSec.toFixed(0);
        log(
          `autocannon x${connections} round ${round + 1}/${rounds}: ` +
            `ours ${rate(ours)}/s, autocannon ${rate(theirs)}/s, bare undici ${rate(floor)}/s`,
        );
      }
      const ratios = ours.map((o, i) => o.ratePerSec / theirs[i].ratePerSec);
      const floorRatios = ours.map((o, i) => o.ratePerSec / floor[i].ratePerSec);
      const medianRate = (results) => median(results.map((r) => r.ratePerSec));
      rows.push(
        row(`${connections} connections: ours (median of ${rounds})`, medianRate(ours), 'req/s'),
        row(`${connections} connections: autocannon`, medianRate(theirs), 'req/s'),
        row(`${connections} connections: ours / autocannon`, median(ratios), 'ratio', atLeast(1)),
        row(
          `${connections} connections: diagnostic: bare undici dispatch loop`,
          medianRate(floor),
          'req/s',
        ),
        row(
          `${connections} connections: diagnostic: ours / bare undici`,
          median(floorRatios),
          'ratio',
        ),
        row(
          `${connections} connections: errors ours / autocannon`,
          `${median(ours.map((r) => r.errors))} / ${median(theirs.map((r) => r.errors))}`,
          'count',
        ),
      );
      raw[connections] = { ours, autocannon: theirs, bareUndici: floor };
      if (connections === 10 && median(ratios) < 1) {
        log('autocannon: ours is slower, profiling our client at 10 connections');
        profile = await profileOurs(common, work);
      }
    }
    return {
      name: 'autocannon',
      rows,
      notes: [
        `Closed loop, ${warmup} s warm-up then ${seconds} s, POST /v1/evaluate with the same ` +
          `${BODIES.toLocaleString('en-US')} seeded ` +
          'bodies cycled by both; ours = createHttpSoulTarget (undici pool of N connections) ' +
          'driven by createRun with N workers. Bare undici = a loop of Pool.dispatch calls on ' +
          'the same pool settings with a handler that only collects and parses the answer: the ' +
          'floor under any client built on undici. Rounds rotate which tool goes first; ratios ' +
          'are medians of per-round ratios. One reference server process for all runs.',
      ],
      raw,
      ...(profile === undefined
        ? {}
        : { profile, profileTitle: 'CPU profile of our HTTP client (10 connections)' }),
    };
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
