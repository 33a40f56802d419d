import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeadlineSources } from '../core/deadlines.js';
import { checkRuleCitations } from '../core/decide.js';
import { validateFlow } from '../core/flow.js';
import { checkFollowUpCitations } from '../core/follow-ups.js';
import type { CoreContext } from '../core/outcome.js';
import { TEMPLATE_NAMES } from '../drafting/build-drafts.js';
import { loadTemplates } from '../drafting/load-templates.js';
import { requireTemplate } from '../drafting/template.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { buildRetriever } from '../knowledge/retrieve.js';
import { loadLlmPrompts } from '../llm/prompt-files.js';

/** The project root: src/app/ (tsx, vitest) and dist/app/ (built) both sit two levels below it. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export class StartupError extends Error {}

/**
 * Loads and checks everything the core is grounded on. Fails at startup, naming the problem, when a
 * cited quote is not in the knowledge text, a template is missing or broken, or the flow data is wrong.
 */
export async function loadContext(root = PROJECT_ROOT): Promise<CoreContext> {
  const flowErrors = validateFlow();
  if (flowErrors.length > 0)
    throw new StartupError(`the decision flow is invalid:\n- ${flowErrors.join('\n- ')}`);
  try {
    const kb = await loadKnowledge(join(root, 'knowledge'));
    checkRuleCitations(kb);
    checkDeadlineSources(kb);
    // Every follow-up answer's quote must be in the knowledge, word for word, like the routes'.
    checkFollowUpCitations(kb);
    const templates = await loadTemplates(join(root, 'prompts', 'drafts'));
    for (const name of TEMPLATE_NAMES) requireTemplate(templates, name);
    // The language model's prompts are checked even when no model is configured: a broken file fails here.
    await loadLlmPrompts(join(root, 'prompts', 'llm'));
    return { kb, templates, retriever: buildRetriever(kb) };
  } catch (err) {
    throw new StartupError(`cannot start: ${(err as Error).message}`);
  }
}
