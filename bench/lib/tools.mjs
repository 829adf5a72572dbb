/**
 * Third-party load tools, fetched from npm on demand into bench/.cache (never a dependency
 * of the product). Each runs with a preloaded guard that refuses non-loopback connections.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCommand } from './child.mjs';

const cacheDir = fileURLToPath(new URL('../.cache/', import.meta.url));
const guardPath = fileURLToPath(new URL('../loopback-guard.cjs', import.meta.url));

/**
 * Pinned versions. Artillery: the newest 2.x whose `engines` admits Node 20 (2.0.22 and later
 * declare Node >= 22.13). Autocannon: the latest release.
 */
export const toolVersions = { artillery: '2.0.21', autocannon: '9.0.0' };

/** Environment for running a tool: telemetry off, loopback-only guard preloaded. */
export function guardedEnv(extra = {}) {
  return { ARTILLERY_DISABLE_TELEMETRY: 'true', NODE_OPTIONS: `--require ${guardPath}`, ...extra };
}

function installedVersion(name) {
  const manifest = `${cacheDir}node_modules/${name}/package.json`;
  if (!existsSync(manifest)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/** Installs the pinned version of a tool into bench/.cache unless present; returns its dir. */
export async function ensureTool(name) {
  const version = toolVersions[name];
  if (installedVersion(name) !== version) {
    mkdirSync(cacheDir, { recursive: true });
    process.stderr.write(`bench: installing ${name}@${version} into bench/.cache ...\n`);
    const args = ['install', '--prefix', cacheDir, '--save-exact', '--no-audit', '--no-fund'];
    const result = await runCommand('npm', [...args, '--loglevel=error', `${name}@${version}`], {
      env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_update_notifier: 'false' },
      timeoutMs: 15 * 60_000,
      label: `npm install ${name}`,
      quietStderr: true,
    });
    if (result.code !== 0 || installedVersion(name) !== version) {
      const tail = result.stderr.trim().split('\n').slice(-5).join('\n');
      throw new Error(`cannot install ${name}@${version} into bench/.cache:\n${tail}`);
    }
  }
  return `${cacheDir}node_modules/${name}`;
}
