import { defineConfig } from 'tsup';

// Apps ship one ESM entry; the bin shim imports it.
export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: true,
});
