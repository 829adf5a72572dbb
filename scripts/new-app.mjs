// Writes the uniform package.json/tsup/bin shape for an app.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, bin, description, depsArg = ''] = process.argv.slice(2);
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
  name: `@buddy/${dir.split('/').pop()}-app`,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  bin: { [bin]: `./bin/${bin}.js` },
  files: ['bin', 'dist'],
  publishConfig: { access: 'public' },
  engines: { node: '>=20.11' },
  scripts: { build: 'tsup' },
  dependencies,
};
mkdirSync(join(dir, 'src'), { recursive: true });
mkdirSync(join(dir, 'bin'), { recursive: true });
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  join(dir, 'tsup.config.ts'),
  "import { defineAppBuild } from '../../tsup.base';\n\nexport default defineAppBuild();\n",
);
writeFileSync(
  join(dir, 'bin', `${bin}.js`),
  `#!/usr/bin/env node\n// Committed shim: the bin exists before the first build.\nimport '../dist/cli.js';\n`,
);
writeFileSync(
  join(dir, 'tsconfig.json'),
  `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src', 'test'] }, null, 2)}\n`,
);
