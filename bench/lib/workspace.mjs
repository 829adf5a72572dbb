/** Loads workspace packages and app modules from their TypeScript source (no build needed). */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const repoRoot = new URL('../../', import.meta.url);

// The bench is not a workspace package, so resolve `@buddy/*` as the simulator app would.
const requireFromSimulator = createRequire(new URL('apps/simulator/package.json', repoRoot));

/** Imports a `@buddy/*` package by name (the `@buddy/source` condition picks its src). */
export async function importPackage(name) {
  const resolved = requireFromSimulator.resolve(name);
  return import(pathToFileURL(resolved).href);
}

/** Imports a module of the simulator app by its path under `apps/simulator/src`. */
export async function importSimulatorModule(relativePath) {
  return import(new URL(`apps/simulator/src/${relativePath}`, repoRoot).href);
}
