import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repository root, where the `@buddy/source` condition and tsx resolve. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the visualizer from source in a child process, as a user would. */
export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const argv = [
    '--conditions=@buddy/source',
    '--import',
    'tsx',
    'apps/visualizer/src/cli.ts',
    ...args,
  ];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      argv,
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
