// Is dist/ up to date with src/, and can it be rebuilt here? Shared by build.mjs and run.mjs.
// Plain JavaScript on purpose: these run before (or without) the TypeScript build, and in a
// production install (`npm ci --omit=dev`) where no dev tool exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Written after every successful build: tsc leaves its own files untouched when nothing changed. */
export const STAMP = join('dist', '.built-at');

/** What the build reads: a change to any of these (or a file added or removed in src/) makes dist/ stale. */
const SOURCES = ['src', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time among the sources, directories included (a deletion changes its folder). */
export function newestSource(root) {
  let newest = 0;
  const visit = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return; // a source that does not exist (e.g. no tsconfig.json in a trimmed copy) changes nothing
    }
    newest = Math.max(newest, st.mtimeMs);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const s of SOURCES) visit(join(root, s));
  return newest;
}

/** 'missing' (no dist/<entry>), 'stale' (sources changed since the last build) or 'fresh'. */
export function distState(root, entry = join('dist', 'main.js')) {
  if (!existsSync(join(root, entry))) return 'missing';
  let built;
  try {
    built = statSync(join(root, STAMP)).mtimeMs;
  } catch {
    return 'stale'; // built by a bare `tsc`: rebuild once through build.mjs to get a stamp
  }
  return newestSource(root) > built ? 'stale' : 'fresh';
}

/** TypeScript's compiler, when dev dependencies are installed; undefined in a production install. */
export function findTsc(root) {
  try {
    return createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/** Runs tsc (its errors go to stderr, never stdout: `--json` output must stay clean) and stamps dist/. */
export function build(root, tsc) {
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (r.status !== 0) return false;
  writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
  return true;
}
