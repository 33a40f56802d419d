import { loadContext } from '../../src/boot/load-context.js';
import type { CoreContext } from '../../src/domain/conversation/outcome.js';

let cached: Promise<CoreContext> | undefined;

/** The real knowledge base and templates, loaded once per test file. */
export function testContext(): Promise<CoreContext> {
  cached ??= loadContext();
  return cached;
}
