import { join } from 'node:path';
import { loadKnowledge } from '../adapters/knowledge/load-knowledge.js';
import { loadTemplates } from '../adapters/knowledge/load-templates.js';
import { buildRetriever } from '../adapters/knowledge/retrieve.js';
import { loadLlmPrompts } from '../adapters/llm/prompt-files.js';
import { PROJECT_ROOT } from '../adapters/project-root.js';
import { validateFlow } from '../domain/conversation/flow.js';
import type { CoreContext } from '../domain/conversation/outcome.js';
import { checkDeadlineSources } from '../domain/decision/deadlines.js';
import { checkRuleCitations } from '../domain/decision/decide.js';
import { checkFollowUpCitations } from '../domain/decision/follow-ups.js';
import { TEMPLATE_NAMES } from '../domain/drafting/build-drafts.js';
import { requireTemplate } from '../domain/drafting/template.js';

export { PROJECT_ROOT };

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
