import { execFileSync } from 'node:child_process';
import { accessSync, constants, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TMUX = '/usr/bin/tmux';

/** Throws a clear error when tmux is not installed (the terminal test must not be skipped). */
export function requireTmux(): void {
  try {
    accessSync(TMUX, constants.X_OK);
  } catch {
    throw new Error(
      `the terminal test needs tmux at ${TMUX}: install it with apt-get install tmux`,
    );
  }
}

/** A tmux server on a private socket, so the test never touches anyone else's tmux. */
export class TmuxServer {
  readonly socket: string;
  private readonly configPath: string;
  private socketPath: string | undefined;

  constructor(dir: string) {
    this.socket = `buddy-dash-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    this.configPath = join(dir, 'tmux.conf');
    // No status line: the pane gets the whole session height.
    writeFileSync(this.configPath, 'set -g status off\n');
  }

  run(args: string[]): string {
    return execFileSync(TMUX, ['-L', this.socket, '-f', this.configPath, ...args], {
      encoding: 'utf8',
      timeout: 10_000,
    });
  }

  /** Starts a detached session of fixed size running `command` in `cwd`. */
  startSession(name: string, command: string, options: SessionOptions): void {
    const env = Object.entries(options.env ?? {}).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.run([
      'new-session',
      '-d',
      '-s',
      name,
      '-x',
      String(options.width),
      '-y',
      String(options.height),
      '-c',
      options.cwd,
      ...env,
      command,
    ]);
    this.socketPath ??= this.display(name, '#{socket_path}');
  }

  /** What a person sees in the pane, as plain text. */
  capture(name: string): string {
    return this.run(['capture-pane', '-p', '-t', name]);
  }

  /** A tmux format of the pane, e.g. `#{alternate_on}`. */
  display(name: string, format: string): string {
    return this.run(['display-message', '-p', '-t', name, format]).trim();
  }

  sendKeys(name: string, ...keys: string[]): void {
    this.run(['send-keys', '-t', name, ...keys]);
  }

  /** Stops only this test's server and removes its socket file (tmux leaves it behind). */
  kill(): void {
    try {
      this.run(['kill-server']);
    } catch {
      // Already gone: nothing to stop.
    }
    if (this.socketPath !== undefined) rmSync(this.socketPath, { force: true });
  }
}

export interface SessionOptions {
  width: number;
  height: number;
  cwd: string;
  env?: Record<string, string>;
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` with `describe()`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  describe: () => string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last:\n${describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
