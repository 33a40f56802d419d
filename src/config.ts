import { z } from 'zod';
import { DEFAULT_STORE_URL, parseStoreUrl, STORE_URL_FORMS } from './storage/store-url.js';

// The only reader of process.env. Every variable is checked once at startup; a bad one stops the
// program with its name and the form it should take.

const Env = z.object({
  IPCHECK_STORE_NAME: z.string().trim().min(1).max(200).optional(),
  IPCHECK_CONTACT: z.string().trim().min(1).max(300).optional(),
  IPCHECK_STORE_URL: z
    .string()
    .default(DEFAULT_STORE_URL)
    .refine((u) => !('error' in parseStoreUrl(u))),
  IPCHECK_EXPORT_DIR: z.string().min(1).default('./exports'),
});

export interface Config {
  defaults: { store?: string; contact?: string };
  storeUrl: string;
  exportDir: string;
}

export class ConfigError extends Error {}

const FORMS: Record<string, string> = {
  IPCHECK_STORE_NAME: 'your store name as the platform shows it, e.g. "Acme Home Store" (1-200 characters)',
  IPCHECK_CONTACT: 'who signs drafts, e.g. "Li Wei, store manager, li@example.com" (1-300 characters)',
  IPCHECK_STORE_URL: STORE_URL_FORMS,
  IPCHECK_EXPORT_DIR: 'a folder for exported cases, e.g. ./exports',
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
  return { defaults, storeUrl: e.IPCHECK_STORE_URL, exportDir: e.IPCHECK_EXPORT_DIR };
}
