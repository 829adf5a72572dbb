/** Child processes of the bench: every one is tracked by pid and ended by pid only. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './workspace.mjs';

const rootDir = fileURLToPath(repoRoot);
const live = new Set();

/** Node flags that run the TypeScript sources of the workspace without a build. */
export const sourceFlags = ['--conditions=@buddy/source', '--import', 'tsx'];

/** Absolute path of a worker script under bench/workers. */
export function workerPath(name) {
  return fileURLToPath(new URL(`../workers/${name}`, import.meta.url));
}

/** Spawns a command from the repo root and tracks it until it exits. */
export function spawnTracked(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: rootDir,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', options.quietStderr ? 'pipe' : 'inherit'],
  });
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
}

/** Ends one tracked child by its pid: SIGTERM, then SIGKILL after a grace period. */
export function endChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Ends every child this process started and still runs (on Ctrl+C or a crash). */
export function endAllChildren() {
  return Promise.all([...live].map((child) => endChild(child, 1000)));
}

/** Collects a child's stdout (and stderr when piped) and waits for its exit. */
function collect(child, timeoutMs, label) {
  const out = [];
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr?.on('data', (chunk) => err.push(chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.stderr.write(
        `bench: ${label} exceeded ${Math.round(timeoutMs / 1000)} s, ending it\n`,
      );
      endChild(child);
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Runs a command to its end; resolves with exit code, signal, stdout and stderr. */
export function runCommand(command, args, { env, timeoutMs = 600_000, label, quietStderr } = {}) {
  const child = spawnTracked(command, args, { env, quietStderr });
  child.stdin.end();
  return collect(child, timeoutMs, label ?? command);
}

/** Parses the last stdout line that is a JSON object: the worker's result. */
function lastJsonLine(stdout) {
  const lines = stdout.trim().split('\n').reverse();
  const line = lines.find((l) => l.startsWith('{'));
  return line === undefined ? undefined : JSON.parse(line);
}

/**
 * Runs a bench worker in a fresh Node process over the TypeScript sources (`plain: true`: as
 * plain Node) and returns the JSON object it printed last. Throws when it fails or prints none;
 * with `allowFailure`, a failed worker's last printed object is returned with its `exit`.
 */
export async function runWorker(name, args = [], options = {}) {
  const base = options.plain ? [] : sourceFlags;
  const flags = [...base, ...(options.nodeFlags ?? [])];
  const label = `${name} ${args.join(' ')}`;
  const result = await runCommand(process.execPath, [...flags, workerPath(name), ...args], {
    ...options,
    label,
  });
  const parsed = lastJsonLine(result.stdout);
  if (options.allowFailure && parsed !== undefined) {
    return { ...parsed, exit: { code: result.code, signal: result.signal } };
  }
  if (result.code !== 0 || parsed === undefined) {
    const how = result.signal ?? `exit code ${result.code}`;
    throw new Error(`worker ${label} failed (${how})${parsed ? '' : ': no result printed'}`);
  }
  return parsed;
}

/**
 * Starts the reference Soul server in its own process; resolves once it printed its URL.
 * `stop()` ends it by pid.
 */
export function startSoulServer(args = []) {
  const child = spawnTracked(process.execPath, [
    ...sourceFlags,
    workerPath('soul-server.mjs'),
    ...args,
  ]);
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      child.stdout.off('data', onData);
      const { url } = JSON.parse(buffered.slice(0, newline));
      resolve({ url, pid: child.pid, stop: () => endChild(child) });
    };
    child.stdout.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`soul server exited early (code ${code})`)));
  });
}
