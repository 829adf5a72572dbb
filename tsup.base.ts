import { defineConfig } from 'tsup';

/** Shared build: ESM + CJS + declarations for every package. */
export function definePackageBuild(entry: string[] = ['src/index.ts']) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { customConditions: [] } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: false,
  });
}

/** Shared app build: one ESM entry that the committed bin shim imports. */
export function defineAppBuild() {
  return defineConfig({
    entry: ['src/cli.ts'],
    format: ['esm'],
    target: 'node20',
    clean: true,
    sourcemap: true,
  });
}
