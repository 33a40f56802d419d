import { z } from 'zod';
import { DEFAULT_STORE_URL, parseStoreUrl, STORE_URL_FORMS } from '../adapters/storage/store-url.js';
import { isTimeZone } from '../domain/model/dates.js';

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
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[A-Za-z0-9-]+$/)
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[A-Za-z0-9-]+$/)
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^\S{16,}$/)
    .optional(),
  SLACK_API_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//)
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  IPCHECK_LEGAL_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{6,}$/)
    .optional(),
  MicrosoftAppId: z
    .string()
    .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/)
    .optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: z
    .string()
    .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/)
    .optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  IPCHECK_TEAMS: z.enum(['0', '1']).optional(),
  IPCHECK_TEAMS_LEGAL_CHANNEL: z
    .string()
    .regex(/^19:[^\s;]+@thread\.(tacv2|skype)$/)
    .optional(),
  IPCHECK_REMINDER_INTERVAL_S: z.coerce.number().int().min(5).max(3600).default(60),
  IPCHECK_MAX_QUEUED: z.coerce.number().int().min(1).max(100_000).default(200),
  IPCHECK_TZ: z.string().default('UTC').refine(isTimeZone),
  // Empty counts as unset, so `OPENAI_API_KEY= npm start` turns the model off. Any other key is taken
  // (no length floor): a local server such as Ollama takes any word (`OPENAI_API_KEY=ollama`), and an
  // Azure AD token can run to a few thousand characters. Whitespace is refused: no key has any, so it is a
  // paste error (and a line break cannot go into the Authorization header).
  OPENAI_API_KEY: z
    .string()
    .regex(/^\S{1,8192}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  OPENAI_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//)
    .optional(),
  OPENAI_MODEL: z
    .string()
    .regex(/^[\w.:/@-]{1,200}$/)
    .default('gpt-4o-mini'),
  IPCHECK_LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(8000),
  IPCHECK_WATCHLIST: z.string().trim().min(1).optional(),
});

export interface LlmConfig {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
}

export interface SlackConfig {
  mode: 'socket' | 'http';
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  /** Web API base, ending in a slash (Slack's own unless SLACK_API_URL points elsewhere). */
  apiUrl: string;
  port: number;
  host: string;
}

/** Microsoft Teams (botbuilder names for the credentials). No app id: local mode, for the Agents Playground. */
export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType?: string;
  legalChannel?: string;
  port: number;
  host: string;
}

export interface Config {
  defaults: { store?: string; contact?: string };
  storeUrl: string;
  exportDir: string;
  /** Set when SLACK_BOT_TOKEN is: then npm start runs the Slack app instead of the terminal chat. */
  slack?: SlackConfig;
  /** Set when MicrosoftAppId is, or IPCHECK_TEAMS=1: then npm start serves Teams on /api/messages. */
  teams?: TeamsConfig;
  legalChannel?: string;
  reminderIntervalMs: number;
  /** Requests that may wait for their turn after their ack; more are turned away with "busy" (work-gate.ts). */
  maxQueued: number;
  timeZone: string;
  /** Set when OPENAI_API_KEY is: the optional language model. Unset, the bot works as it does without one. */
  llm?: LlmConfig;
  /** The team's own watchlist additions (store sweep), same format as knowledge/watchlist.txt. */
  watchlistFile?: string;
}

export class ConfigError extends Error {}

const FORMS: Record<string, string> = {
  IPCHECK_STORE_NAME: 'your store name as the platform shows it, e.g. "Acme Home Store" (1-200 characters)',
  IPCHECK_CONTACT: 'who signs drafts, e.g. "Li Wei, store manager, li@example.com" (1-300 characters)',
  IPCHECK_STORE_URL: STORE_URL_FORMS,
  IPCHECK_EXPORT_DIR: 'a folder for exported cases, e.g. ./exports',
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token from OAuth & Permissions, starting xoxb-',
  SLACK_APP_TOKEN:
    'an app-level token with connections:write, starting xapp- (Basic Information > App-Level Tokens)',
  SLACK_SIGNING_SECRET: 'the Signing Secret from Basic Information > App Credentials (no spaces)',
  SLACK_API_URL: 'a URL like https://slack.com/api/',
  PORT: 'a port number from 1 to 65535 (0 picks a free one)',
  HOST: 'an address to listen on, e.g. 0.0.0.0 or 127.0.0.1',
  IPCHECK_LEGAL_CHANNEL: 'the legal channel id, like C0123456789 (channel details > About, at the bottom)',
  MicrosoftAppId:
    "the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000 (Azure Bot > Configuration)",
  MicrosoftAppPassword: "the client secret of the bot's app registration",
  MicrosoftAppTenantId: 'your Entra tenant id, a GUID (for a SingleTenant bot)',
  MicrosoftAppType: 'MultiTenant, SingleTenant or UserAssignedMSI',
  IPCHECK_TEAMS: '1 to serve Teams on /api/messages (0 or unset: only when MicrosoftAppId is set)',
  IPCHECK_TEAMS_LEGAL_CHANNEL:
    'the Teams legal channel id, like 19:abc123@thread.tacv2 (channel … > Get link to channel: the part after /channel/, URL-decoded)',
  IPCHECK_REMINDER_INTERVAL_S: 'seconds between reminder checks, 5 to 3600',
  IPCHECK_MAX_QUEUED: 'how many requests may wait for their turn at once, 1 to 100000 (default 200)',
  OPENAI_API_KEY:
    'an API key for an OpenAI-compatible server (no spaces); leave it unset to run without a language model',
  OPENAI_BASE_URL:
    "the server's API base, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 (Ollama)",
  OPENAI_MODEL: 'a model name, e.g. gpt-4o-mini or llama3.1:8b',
  IPCHECK_LLM_TIMEOUT_MS: 'milliseconds a language-model call may take, retry included: 500 to 120000',
  IPCHECK_TZ: 'your team\'s time zone, e.g. Asia/Shanghai or America/New_York (what "today" means)',
  IPCHECK_WATCHLIST: 'a file of your own marks to watch, one per line (see knowledge/watchlist.txt)',
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
  const slack = slackConfig(e);
  const teams = teamsConfig(e, env.HOST !== undefined);
  // Beside Slack's HTTP endpoint, /api/messages listens where Slack does: local mode (unsigned requests)
  // must not be reachable from the network that way.
  if (slack?.mode === 'http' && teams && !teams.appId && !isLoopback(slack.host))
    throw new ConfigError(
      "IPCHECK_TEAMS=1 without MicrosoftAppId (local mode) would accept unsigned Teams requests on Slack's public port: set MicrosoftAppId and MicrosoftAppPassword, or HOST=127.0.0.1",
    );
  return {
    defaults,
    storeUrl: e.IPCHECK_STORE_URL,
    exportDir: e.IPCHECK_EXPORT_DIR,
    slack,
    teams,
    ...(e.IPCHECK_LEGAL_CHANNEL ? { legalChannel: e.IPCHECK_LEGAL_CHANNEL } : {}),
    reminderIntervalMs: e.IPCHECK_REMINDER_INTERVAL_S * 1000,
    maxQueued: e.IPCHECK_MAX_QUEUED,
    timeZone: e.IPCHECK_TZ,
    ...(e.OPENAI_API_KEY
      ? {
          llm: {
            apiKey: e.OPENAI_API_KEY,
            ...(e.OPENAI_BASE_URL ? { baseUrl: e.OPENAI_BASE_URL } : {}),
            model: e.OPENAI_MODEL,
            timeoutMs: e.IPCHECK_LLM_TIMEOUT_MS,
          },
        }
      : {}),
    ...(e.IPCHECK_WATCHLIST ? { watchlistFile: e.IPCHECK_WATCHLIST } : {}),
  };
}

function slackConfig(e: z.infer<typeof Env>): SlackConfig | undefined {
  if (!e.SLACK_BOT_TOKEN) {
    if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
      throw new ConfigError(`SLACK_BOT_TOKEN is missing: expected ${FORMS.SLACK_BOT_TOKEN}`);
    }
    return undefined;
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      `SLACK_SIGNING_SECRET is missing: HTTP mode needs ${FORMS.SLACK_SIGNING_SECRET}; or set SLACK_APP_TOKEN for Socket Mode`,
    );
  }
  const apiUrl = (e.SLACK_API_URL ?? 'https://slack.com/api/').replace(/\/?$/, '/');
  return {
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    apiUrl,
    port: e.PORT,
    host: e.HOST,
  };
}

/** An address only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function teamsConfig(e: z.infer<typeof Env>, hostSet: boolean): TeamsConfig | undefined {
  if (!e.MicrosoftAppId && e.IPCHECK_TEAMS !== '1') {
    if (e.MicrosoftAppPassword || e.IPCHECK_TEAMS_LEGAL_CHANNEL)
      throw new ConfigError(
        `MicrosoftAppId is missing: expected ${FORMS.MicrosoftAppId}; or set IPCHECK_TEAMS=1 for local mode`,
      );
    return undefined;
  }
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI')
    throw new ConfigError(`MicrosoftAppPassword is missing: expected ${FORMS.MicrosoftAppPassword}`);
  // Local mode takes unsigned requests and answers at whatever serviceUrl they name: reachable from the
  // network, anyone could act as any tenant and make ipcheck post anywhere.
  if (!e.MicrosoftAppId && hostSet && !isLoopback(e.HOST))
    throw new ConfigError(
      `IPCHECK_TEAMS=1 without MicrosoftAppId (local mode) accepts unsigned Teams requests, so it listens on this machine only: HOST=${e.HOST} is not allowed there. Leave HOST unset or set HOST=127.0.0.1, or set MicrosoftAppId and MicrosoftAppPassword`,
    );
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId)
    throw new ConfigError(
      `MicrosoftAppTenantId is missing: a SingleTenant bot needs ${FORMS.MicrosoftAppTenantId}`,
    );
  return {
    ...(e.MicrosoftAppId ? { appId: e.MicrosoftAppId } : {}),
    ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
    ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
    ...(e.MicrosoftAppType ? { appType: e.MicrosoftAppType } : {}),
    ...(e.IPCHECK_TEAMS_LEGAL_CHANNEL ? { legalChannel: e.IPCHECK_TEAMS_LEGAL_CHANNEL } : {}),
    port: e.PORT,
    // Local mode takes unsigned requests: it listens on this machine only unless HOST says otherwise.
    host: e.MicrosoftAppId || hostSet ? e.HOST : '127.0.0.1',
  };
}
