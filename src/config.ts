import { z } from 'zod';

// The only reader of process.env. Every variable is checked once at startup; a bad one stops the
// program with its name and the form it should take.

const Env = z.object({
  IPCHECK_STORE_NAME: z.string().trim().min(1).max(200).optional(),
  IPCHECK_CONTACT: z.string().trim().min(1).max(300).optional(),
});

export interface Config {
  defaults: { store?: string; contact?: string };
}

export class ConfigError extends Error {}

const FORMS: Record<string, string> = {
  IPCHECK_STORE_NAME: 'your store name as the platform shows it, e.g. "Acme Home Store" (1-200 characters)',
  IPCHECK_CONTACT: 'who signs drafts, e.g. "Li Wei, store manager, li@example.com" (1-300 characters)',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(
      `${name} is not valid: expected ${FORMS[name] ?? issue?.message ?? 'a valid value'}`,
    );
  }
  const e = parsed.data;
  const defaults: Config['defaults'] = {};
  if (e.IPCHECK_STORE_NAME) defaults.store = e.IPCHECK_STORE_NAME;
  if (e.IPCHECK_CONTACT) defaults.contact = e.IPCHECK_CONTACT;
  return { defaults };
}
