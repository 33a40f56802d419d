#!/usr/bin/env node
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { writeCaseExport } from '../adapters/export-files.js';
import type { SqliteOpenOptions } from '../adapters/storage/local-kv.js';
import { SweepInputError } from '../adapters/sweep/decode.js';
import { runTurn } from '../app/turn.js';
import { systemClock } from '../boot/clock.js';
import { compose, coreContext, type Root } from '../boot/compose.js';
import { type Config, ConfigError, loadConfig } from '../boot/config.js';
import { keepSecrets, makeLogger, secretsOf } from '../channels/shared/logger.js';
import { runSlack } from '../channels/slack/run.js';
import { runTeams } from '../channels/teams/run.js';
import { runTerminalChat } from '../channels/terminal/chat.js';
import { buildOutcome } from '../domain/conversation/outcome.js';
import { renderOutcomeText, renderRepliesText } from '../domain/conversation/render-text.js';
import { isCaseId } from '../domain/model/case-record.js';
import { dayIn } from '../domain/model/dates.js';
import { IpcheckError } from '../domain/model/errors.js';
import { SWEEP_USAGE, sweepCommand } from './sweep-cli.js';
import { parseTriageArgs, TRIAGE_USAGE, UsageError } from './triage-args.js';

const USAGE = `usage: ipcheck [chat]                 the guided conversation in this terminal (default)
       ${TRIAGE_USAGE.replace('usage: ', '')}
       ipcheck status IPC-0042          a case and its audit trail
       ipcheck cases                    the open cases
       ipcheck export IPC-0042 [--out DIR]   write the case as Markdown and JSON
       ${SWEEP_USAGE.replace('usage: ', '')}
                                        check a listing export for watched marks (store sweep)`;

/**
 * Builds the root for one command. The terminal chat writes, so it owns an SQLite file (a second process is
 * refused); status, cases and export only read, so they open it read-only and work beside a running bot.
 */
async function withRoot<T>(
  config: Config,
  use: SqliteOpenOptions,
  llm: 'quiet' | 'off',
  fn: (root: Root) => Promise<T>,
): Promise<T> {
  const root = await compose(config, { store: use, llm });
  try {
    return await fn(root);
  } finally {
    await root.close();
  }
}

/**
 * `npm start` with platform credentials: Slack (and Teams beside it), or Teams alone, on one root that owns
 * the store until the servers have stopped.
 */
async function serve(config: Config): Promise<number> {
  keepSecrets(secretsOf(config));
  const logger = makeLogger((line: string) => process.stderr.write(`${line}\n`));
  // This process owns an SQLite store (a second one on the same file is refused at startup). Model
  // failures at warn: the logger's level drops info lines.
  const owner = config.slack ? (config.teams ? 'slack+teams' : 'slack') : 'teams';
  const root = await compose(config, { store: { owner }, log: logger, llm: 'logged' });
  if (config.slack) return runSlack(config, config.slack, root, logger);
  return runTeams(config, config.teams as NonNullable<Config['teams']>, root, logger);
}

async function triage(argv: string[]): Promise<number> {
  const config = loadConfig();
  const req = parseTriageArgs(argv, dayIn(systemClock.now(), config.timeZone));
  const ctx = await coreContext(config);
  const outcome = buildOutcome({ facts: req.facts, details: req.details, today: req.today }, ctx);
  process.stdout.write(
    req.json ? `${JSON.stringify(outcome, null, 2)}\n` : `${renderOutcomeText(outcome)}\n`,
  );
  return 0;
}

async function chat(): Promise<number> {
  const config = loadConfig();
  if (config.slack || config.teams) return serve(config);
  // The model's log lines (timings, failures) would interleave with the chat; the terminal keeps them quiet.
  return withRoot(config, { owner: 'terminal' }, 'quiet', async (root) => {
    await runTerminalChat({
      ...(root.llm ? { llm: root.llm } : {}),
      ctx: root.ctx,
      stores: root.stores,
      clock: root.clock,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      user: userInfo().username,
      exportDir: config.exportDir,
      catalogs: root.catalogs,
    });
    return 0;
  });
}

function caseIdArg(argv: string[], cmd: string): string {
  const id = argv[0]?.toUpperCase();
  if (!id || !isCaseId(id)) throw new UsageError(`${cmd} needs a case id like IPC-0042`);
  return id;
}

/** status and cases go through the same turn as a chat would, so every channel shows the same thing. */
async function caseCommand(text: string, caseId?: string): Promise<number> {
  const config = loadConfig();
  return withRoot(config, { readOnly: true }, 'off', async ({ app, storeName }) => {
    // A script needs a failing exit code for a case that does not exist, like export gives.
    if (caseId && !(await app.cases.get(caseId)))
      throw new IpcheckError('case_not_found', `case ${caseId} does not exist in ${storeName}`);
    const r = await runTurn(
      { ctx: app.ctx, cases: app.cases, clock: app.clock },
      { conversation: 'cli', who: 'cli', channel: 'cli', event: { type: 'text', text } },
    );
    process.stdout.write(`${renderRepliesText(r.replies)}\n`);
    return 0;
  });
}

async function exportCase(argv: string[]): Promise<number> {
  const id = caseIdArg(argv, 'export');
  const { values } = parseArgs({ args: argv.slice(1), options: { out: { type: 'string' } }, strict: true });
  const config = loadConfig();
  return withRoot(config, { readOnly: true }, 'off', async ({ app, storeName }) => {
    const rec = await app.cases.get(id);
    if (!rec) throw new IpcheckError('case_not_found', `case ${id} does not exist in ${storeName}`);
    const files = await writeCaseExport(rec, app.ctx, values.out ?? config.exportDir, app.clock.now());
    process.stdout.write(`${files.join('\n')}\n`);
    return 0;
  });
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === undefined || cmd === 'chat') return await chat();
    if (cmd === 'triage') return await triage(rest);
    if (cmd === 'status') {
      const id = caseIdArg(rest, 'status');
      return await caseCommand(`status ${id}`, id);
    }
    if (cmd === 'cases') return await caseCommand('cases');
    if (cmd === 'export') return await exportCase(rest);
    if (cmd === 'sweep') return await sweepCommand(rest);
    if (cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError(`unknown command "${cmd}"; expected chat, triage, status, cases, export or sweep`);
  } catch (err) {
    const msg = (err as Error).message.split('\n').join(' ');
    process.stderr.write(`ipcheck: ${msg}\n`);
    if (err instanceof UsageError || err instanceof SweepInputError) return 2;
    if (err instanceof ConfigError) return 1;
    return err instanceof IpcheckError && err.code === 'case_not_found' ? 3 : 1;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
