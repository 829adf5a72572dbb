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
        ];
        if (round % 2 === 1) runs.reverse();
        for (const go of runs) await go();
        const rate = (results) => results.at(-1).ratePerSec.toFixed(0);
        log(
          `autocannon x${connections} round ${round + 1}/${rounds}: ` +
            `ours ${rate(ours)}/s, autocannon ${rate(theirs)}/s`,
        );
      }
      const ratios = ours.map((o, i) => o.ratePerSec / theirs[i].ratePerSec);
      rows.push(
        row(
          `${connections} connections: ours (median of ${rounds})`,
          median(ours.map((r) => r.ratePerSec)),
          'req/s',
        ),
        row(
          `${connections} connections: autocannon`,
          median(theirs.map((r) => r.ratePerSec)),
          'req/s',
        ),
        row(`${connections} connections: ours / autocannon`, median(ratios), 'ratio', atLeast(1)),
        row(
          `${connections} connections: errors ours / autocannon`,
          `${median(ours.map((r) => r.errors))} / ${median(theirs.map((r) => r.errors))}`,
          'count',
        ),
      );
      raw[connections] = { ours, autocannon: theirs };
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
          'driven by createRun with N workers. Rounds alternate which tool goes first; the ' +
          'ratio is the median of per-round ratios. One reference server process for all runs.',
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
