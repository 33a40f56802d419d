import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** Every folder a test makes starts with this; the global teardown fails the run if one is left. */
export const TEMP_PREFIX = 'ipcheck-test-';

/**
 * A fresh folder under the OS temp dir, removed when the current test ends (passed or failed).
 * Call it inside a test (`it`), not at file level: the cleanup is tied to that test.
 */
export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}${label}-`));
  onTestFinished(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}
