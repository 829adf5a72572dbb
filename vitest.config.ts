import { defineConfig } from 'vitest/config';

// Tests read sibling packages' TypeScript source through the custom export condition.
export default defineConfig({
  resolve: { conditions: ['@buddy/source', 'module', 'import', 'node', 'default'] },
  ssr: { resolve: { conditions: ['@buddy/source', 'module', 'import', 'node', 'default'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
