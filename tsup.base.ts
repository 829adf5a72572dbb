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
