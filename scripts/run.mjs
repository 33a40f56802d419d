#!/usr/bin/env node
// npm start / triage / bench: run a built entry point (dist/…) in this process, rebuilding first only
// when src/ changed since the last build and TypeScript is installed. A fresh dist/ starts at once.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, distState, findTsc } from './dist-state.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run.mjs dist/<entry>.js [args…]\n');
  process.exit(2);
}

// Every line here goes to stderr: `npm run --silent triage -- … --json` must print only the JSON.
const state = distState(root, entry);
if (state !== 'fresh') {
  const tsc = findTsc(root);
  if (!tsc && state === 'missing') {
    process.stderr.write('ipcheck: dist/ is missing; run npm run build (needs dev dependencies)\n');
    process.exit(1);
  }
  if (!tsc) {
    process.stderr.write(
      'ipcheck: src/ changed since dist/ was built, but TypeScript is not installed; running the existing dist/\n',
    );
  } else {
    process.stderr.write(
      `ipcheck: ${state === 'missing' ? 'building' : 'src/ changed; rebuilding'} dist/…\n`,
    );
    if (!build(root, tsc)) {
      process.stderr.write('ipcheck: the build failed (errors above); nothing was started\n');
      process.exit(1);
    }
  }
}

// The entry reads its arguments from process.argv as if it had been started directly.
const file = resolve(root, entry);
process.argv = [process.argv[0] ?? process.execPath, file, ...args];
await import(pathToFileURL(file).href);
