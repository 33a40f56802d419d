import { type Logger, LogLevel } from '@slack/bolt';

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
];

export function scrub(s: string): string {
  return SECRETS.reduce((acc, re) => acc.replace(re, '[redacted]'), s);
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
