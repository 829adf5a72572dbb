import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkSoulHealth } from '@buddy/soul-adapters';
import { afterEach, expect, test } from 'vitest';

const cliPath = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const children: ChildProcess[] = [];

function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--conditions=@buddy/source', '--import', 'tsx', cliPath, ...args],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] as string);
    });
    exited.then(() => reject(new Error(`exited before printing a URL: ${stderr}`)));
  });
  // Only awaited by tests that expect a URL.
  firstLine.catch(() => undefined);
  return { child, exited, firstLine, output: () => ({ stdout, stderr }) };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

test.each(['SIGTERM', 'SIGINT'] as const)(
  'prints its URL, serves, and stops on %s',
  async (signal) => {
    const cli = startCli(['--port', '0']);
    const url = await cli.firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await checkSoulHealth(url, { timeoutMs: 10_000 });
    cli.child.kill(signal);
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toBe(`${url}\n`);
  },
);

test('bad flags exit 2 with one clear line on stderr', async () => {
  const cli = startCli(['--port', 'abc']);
  expect(await cli.exited).toBe(2);
  const { stdout, stderr } = cli.output();
  expect(stdout).toBe('');
  expect(stderr).toBe(
    'buddy-soul-server: error: --port: expected a port in 0..65535, received "abc"\n',
  );
  expect(stderr.trim().split('\n')).toHaveLength(1);
});

test('the API key from the environment never reaches the output', async () => {
  const key = 'sk-TEST-SECRET-123';
  const cli = startCli(['--port', '0', '--require-api-key'], { SOUL_API_KEY: key });
  const url = await cli.firstLine;
  cli.child.kill('SIGTERM');
  expect(await cli.exited).toBe(0);
  const { stdout, stderr } = cli.output();
  expect(stderr).toContain('bearer key required');
  expect(`${stdout}${stderr}`).not.toContain(key);
  expect(url).not.toContain(key);
});
