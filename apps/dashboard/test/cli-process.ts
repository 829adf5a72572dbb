import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `tsx` and the `@buddy/source` condition resolve. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The node arguments that run the dashboard from source (no build needed). */
export const DASHBOARD_NODE_ARGS = [
  '--conditions=@buddy/source',
  '--import',
  'tsx',
  'apps/dashboard/src/cli.ts',
];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `buddy-dashboard args` as a child process and collects its output. */
export function runDashboardCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...DASHBOARD_NODE_ARGS, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: 25_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
