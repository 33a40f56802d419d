import { type Logger, LogLevel } from '@slack/bolt';
import type { Config } from '../../boot/config.js';

// Tokens, signing secrets and response URLs must never reach a log. Everything Bolt, botbuilder or
// ipcheck logs goes through here and is scrubbed first. Shared by every channel (the Logger shape is
// Bolt's, which Slack hands it; Teams uses the same one).

/** What handlers log through: one line each, scrubbed. */
export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}
const SECRETS = [
  /xox[abprs]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /https:\/\/hooks\.slack\.com\/\S+/g,
  /v0=[a-f0-9]{64}/g,
  // Bot Framework (Teams) bearer tokens: JWTs.
  /Bearer\s+[A-Za-z0-9._~+/=-]+/g,
  /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
  // OpenAI API keys (sk-…, sk-proj-…).
  /sk-[A-Za-z0-9_-]{16,}/g,
  // A password in a store URL (redis://:password@host).
  /(?<=\/\/)[^\s/@]*:[^\s/@]+(?=@)/g,
];

// The configured secrets themselves, whatever their shape (a Bot Framework app password has no
// recognisable pattern): scrubbed as literal text. Filled once at startup by keepSecrets.
const KEPT = new Set<string>();
// Shorter values would redact ordinary words; real tokens and passwords are far longer.
const MIN_SECRET = 8;

/** Every secret value in the configuration: tokens, signing secret, app password, API key. */
export function secretsOf(config: Config): string[] {
  return [
    config.llm?.apiKey,
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.signingSecret,
    config.teams?.appPassword,
  ].filter((v): v is string => typeof v === 'string');
}

/** From now on, `scrub` redacts these values wherever they appear. */
export function keepSecrets(values: readonly string[]): void {
  for (const v of values) if (v.length >= MIN_SECRET) KEPT.add(v);
}

export function scrub(s: string): string {
  let out = s;
  for (const v of KEPT) out = out.split(v).join('[redacted]');
  return SECRETS.reduce((acc, re) => acc.replace(re, '[redacted]'), out);
}

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function makeLogger(out: (line: string) => void, level: LogLevel = LogLevel.WARN): Logger {
  let current = level;
  let name = 'ipcheck';
  const write = (lvl: LogLevel, args: unknown[]) => {
    if (ORDER.indexOf(lvl) < ORDER.indexOf(current)) return;
    const text = args
      .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a)))
      .join(' ');
    out(`${new Date().toISOString()} ${lvl.toUpperCase()} ${name} ${scrub(text)}`);
  };
  return {
    debug: (...a: unknown[]) => write(LogLevel.DEBUG, a),
    info: (...a: unknown[]) => write(LogLevel.INFO, a),
    warn: (...a: unknown[]) => write(LogLevel.WARN, a),
    error: (...a: unknown[]) => write(LogLevel.ERROR, a),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  };
}
