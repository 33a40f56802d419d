import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: src/adapters/ (tsx, vitest) and dist/adapters/ (built) both sit two levels below it. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
