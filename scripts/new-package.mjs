// Writes the uniform package.json/tsup/tsconfig shape for a workspace package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, description, depsArg = ''] = process.argv.slice(2);
const name = `@buddy/${dir.split('/').pop()}`;
const dependencies = Object.fromEntries(
  depsArg
    .split(',')
    .filter(Boolean)
    .map((d) => {
      const at = d.lastIndexOf('@');
      return at > 0 ? [d.slice(0, at), d.slice(at + 1)] : [d, 'workspace:*'];
    }),
);
const pkg = {
  name,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  exports: {
    '.': {
      '@buddy/source': './src/index.ts',
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  files: ['dist', 'README.md'],
  publishConfig: { access: 'public' },
  engines: { node: '>=20.11' },
  scripts: { build: 'tsup' },
  dependencies,
};
mkdirSync(join(dir, 'src'), { recursive: true });
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  join(dir, 'tsup.config.ts'),
  "import { definePackageBuild } from '../../tsup.base';\n\nexport default definePackageBuild();\n",
);
writeFileSync(
  join(dir, 'tsconfig.json'),
  `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }, null, 2)}\n`,
);
