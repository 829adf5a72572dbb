import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Fixture builders live beside the analysis code they exercise; tests only, never shipped.
import {
  buildLegacyText,
  createHistogram,
  errorRun,
  HOSTILE,
  hostileRun,
  mediumRun,
  smallRun,
  writeRun,
} from '@buddy/analysis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

let dir: string;
const files: Record<string, string> = {};
let mediumA: ReturnType<typeof mediumRun>;
let mediumB: ReturnType<typeof mediumRun>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'buddy-visualizer-'));
  mediumA = mediumRun('run-a', 1);
  mediumB = mediumRun('run-b', 2);
  files.small = await writeRun(dir, 'small.json', smallRun());
  files.a = await writeRun(dir, 'a.json', mediumA);
  files.b = await writeRun(dir, 'b.json', mediumB);
  files.errors = await writeRun(dir, 'errors.json', errorRun());
  files.hostile = await writeRun(dir, 'hostile.json', hostileRun());
  files.legacy = join(dir, 'legacy.json');
  await writeFile(files.legacy, buildLegacyText(6));
  files.empty = join(dir, 'empty.json');
  await writeFile(files.empty, '');
  files.corrupt = join(dir, 'corrupt.json');
  await writeFile(files.corrupt, '{"schema_version": 2, "reports": [');
  files.future = join(dir, 'future.json');
  await writeFile(files.future, JSON.stringify({ schema_version: 99, reports: [] }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bad flags', () => {
  it.each([
    [['--bogus'], /^buddy-visualizer: --bogus: unknown flag; expected one of --summary/],
    [['--file'], /^buddy-visualizer: --file: expected a value after the flag, received none/],
    [['--width', 'wide'], /^buddy-visualizer: --width: expected an integer from 40 to 400/],
    [['--since', 'yesterday'], /^buddy-visualizer: --since: expected an ISO time .* "yesterday"/],
    [['--json', '--markdown'], /^buddy-visualizer: --json and --markdown: expected at most one/],
    [['stray.json'], /^buddy-visualizer: stray\.json: unexpected argument; files are given/],
  ])('%j exits 2 with one line naming the flag', async (args, pattern) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});

describe('unreadable metrics files', () => {
  it.each([
    ['missing', () => join(dir, 'nope.json'), /no metrics file found/],
    ['empty', () => files.empty!, /empty/i],
    ['corrupt', () => files.corrupt!, /json/i],
    ['of an unknown version', () => files.future!, /schema_version/],
  ])('%s: one clear line on stderr, exit 1, no stack trace', async (_name, path, pattern) => {
    const result = await runCli(['--file', path()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});

describe('modes', () => {
  it('prints the summary by default', async () => {
    const result = await runCli(['--file', files.small!]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('BUDDY TRAFFIC SUMMARY');
    expect(result.stdout).toMatch(/Total requests\s+100\n/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('prints every analysis with --all, sized to --width', async () => {
    const result = await runCli(['--file', files.errors!, '--all', '--width', '72']);
    expect(result.code).toBe(0);
    for (const title of ['SUMMARY', 'TRENDS', 'BY CATEGORY', 'ERRORS']) {
      expect(result.stdout).toContain(`BUDDY TRAFFIC ${title}`);
    }
    expect(result.stdout).toContain('39× timeout: no answer within 5000 ms');
    expect(result.stdout).toMatch(/success fell in (edge_cases|simple)/);
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('reads the original layout', async () => {
    const result = await runCli(['--file', files.legacy!, '--summary', '--trends']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Total requests\s+3,072/);
    expect(result.stdout).toContain('charting cumulative values');
  });

  it('writes Markdown for a CI job summary', async () => {
    const result = await runCli(['--file', files.small!, '--markdown', '--categories']);
    expect(result.stdout).toMatch(/^## BUDDY TRAFFIC BY CATEGORY/);
    expect(result.stdout).toContain('| Category | Count |');
  });
});

describe('--json', () => {
  it('merges files so union percentiles match one histogram of all samples', async () => {
    const result = await runCli(['--file', files.a!, '--file', files.b!, '--json', '--all']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    const oracle = createHistogram();
    for (const ms of [...mediumA.executionMs, ...mediumB.executionMs]) oracle.record(ms);
    expect(document.summary.requests.total).toBe(12_000);
    expect(document.summary.execution_time.p99).toBe(oracle.percentile(99));
    expect(document.summary.execution_time.p50).toBe(oracle.percentile(50));
    expect(document.trends.reports).toBe(120);
    expect(Object.keys(document)).toEqual([
      'files',
      'range',
      'warnings',
      'summary',
      'trends',
      'categories',
      'errors',
    ]);
  });

  it('cuts a relative range back from the newest report', async () => {
    const result = await runCli(['--file', files.a!, '--since', '5m', '--json']);
    const document = JSON.parse(result.stdout);
    expect(document.range.since).toBe('2026-01-01T00:25:00.000Z');
    expect(document.summary.reports).toBe(11);
    expect(document.summary.requests.total).toBe(1_100);
  });
});

describe('hostile contents', () => {
  it('never print raw in text, Markdown or JSON', async () => {
    for (const format of [[], ['--markdown'], ['--json']]) {
      const result = await runCli(['--file', files.hostile!, '--all', ...format]);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(RAW_CONTROL);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
    }
    const json = await runCli(['--file', files.hostile!, '--errors', '--json']);
    expect(JSON.parse(json.stdout).errors.groups[0].message).toBe(HOSTILE);
  });
});
