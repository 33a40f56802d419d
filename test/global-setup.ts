import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Folders a run must not create in the repo: the default store and export places.
const REPO_OUTPUTS = ['data', 'exports'];

/** What is in a folder, or undefined when it does not exist. */
function listing(dir: string): string[] | undefined {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : undefined;
}

/**
 * Builds dist/ when src/ changed (the CLI and terminal tests run the built program exactly as a user
 * would), and gives the run its own temp folder so the teardown can check that no test left files behind:
 * other runs on the same machine use their own, so the check never sees their folders.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  const runTmp = mkdtempSync(join(tmpdir(), 'ipcheck-run-'));
  // Like /tmp itself, reachable by the other user a test starts a process as (a read-only store test runs
  // its ipcheck as `nobody`).
  chmodSync(runTmp, 0o1777);
  // The test workers start after this and inherit it, so os.tmpdir() in every test is this folder.
  process.env.TMPDIR = runTmp;
  const before = new Map(REPO_OUTPUTS.map((d) => [d, JSON.stringify(listing(join(root, d)))]));

  return () => {
    // Only our own folders count: tools keep caches here too (tsx makes tsx-<uid> for its compile cache).
    const left = readdirSync(runTmp).filter((name) => name.startsWith('ipcheck-'));
    rmSync(runTmp, { recursive: true, force: true });
    const changed = REPO_OUTPUTS.filter((d) => JSON.stringify(listing(join(root, d))) !== before.get(d));
    const problems = [
      ...(left.length > 0 ? [`temp folders left behind: ${left.join(', ')}`] : []),
      ...changed.map((d) => `files written into the repo's ${d}/ (use test/helpers/temp-dir.ts)`),
    ];
    if (problems.length === 0) return;
    // A throw here is only logged by vitest (exit code 0), so fail the run explicitly.
    process.stderr.write(`\nFAIL tests did not clean up: ${problems.join('; ')}\n`);
    process.exitCode = 1;
  };
}
