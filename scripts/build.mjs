#!/usr/bin/env node
// npm run build (always builds), npm's `prepare` (`--if-typescript`: a production install has no
// TypeScript and must not fail) and the test setup (`--if-stale`: skip when dist/ is up to date).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, distState, findTsc } from './dist-state.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const flags = new Set(process.argv.slice(2));
const known = new Set(['--if-stale', '--if-typescript']);
for (const f of flags) {
  if (!known.has(f)) {
    process.stderr.write(`build: unknown option ${f}; expected --if-stale or --if-typescript\n`);
    process.exit(2);
  }
}

const tsc = findTsc(root);
if (!tsc) {
  if (flags.has('--if-typescript')) {
    process.stderr.write(
      'ipcheck: TypeScript is not installed (a production install), so dist/ was not built; build it where dev dependencies are installed.\n',
    );
    process.exit(0);
  }
  process.stderr.write('ipcheck: cannot build: TypeScript is not installed (npm install includes it).\n');
  process.exit(1);
}
if (flags.has('--if-stale') && distState(root) === 'fresh') process.exit(0);
process.exit(build(root, tsc) ? 0 : 1);
