import { loadContext } from '../../src/app/load-context.js';
import type { CoreContext } from '../../src/core/outcome.js';

let cached: Promise<CoreContext> | undefined;

/** The real knowledge base and templates, loaded once per test file. */
export function testContext(): Promise<CoreContext> {
  cached ??= loadContext();
  return cached;
}
