#!/usr/bin/env node
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { writeCaseExport } from '../adapters/export-files.js';
import type { SqliteOpenOptions } from '../adapters/storage/local-kv.js';
import { openStores, type Stores } from '../adapters/storage/open-store.js';
import { CatalogService } from '../adapters/sweep/catalog.js';
import { SweepInputError } from '../adapters/sweep/decode.js';
import { runTurn } from '../app/turn.js';
import { systemClock } from '../boot/clock.js';
import { type Config, ConfigError, loadConfig } from '../boot/config.js';
import { createLanguageModel } from '../boot/create-llm.js';
import { loadContext } from '../boot/load-context.js';
import { runSlack } from '../channels/slack/run.js';
import { runTeams } from '../channels/teams/run.js';
import { runTerminalChat } from '../channels/terminal/chat.js';
import type { CoreContext } from '../domain/conversation/outcome.js';
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
 * Opens the store for one command. The terminal chat writes, so it owns an SQLite file (a second process is
 * refused); status, cases and export only read, so they open it read-only and work beside a running bot.
 */
async function withStores<T>(
  config: Config,
  use: SqliteOpenOptions,
  fn: (stores: Stores, ctx: CoreContext) => Promise<T>,
): Promise<T> {
  const ctx = { ...(await loadContext()), defaults: config.defaults, timeZone: config.timeZone };
  const stores = await openStores(config.storeUrl, systemClock, use);
  try {
    return await fn(stores, ctx);
  } finally {
    await stores.close();
  }
}

async function triage(argv: string[]): Promise<number> {
  const config = loadConfig();
  const req = parseTriageArgs(argv, dayIn(systemClock.now(), config.timeZone));
  const ctx = { ...(await loadContext()), defaults: config.defaults, timeZone: config.timeZone };
  const outcome = buildOutcome({ facts: req.facts, details: req.details, today: req.today }, ctx);
  process.stdout.write(
    req.json ? `${JSON.stringify(outcome, null, 2)}\n` : `${renderOutcomeText(outcome)}\n`,
  );
  return 0;
}

async function chat(): Promise<number> {
  const config = loadConfig();
  if (config.slack) return runSlack(config, config.slack);
  if (config.teams) return runTeams(config, config.teams);
  // The model's log lines (timings, failures) would interleave with the chat; the terminal keeps them quiet.
  const llm = await createLanguageModel(config.llm);
  return withStores(config, { owner: 'terminal' }, async (stores, ctx) => {
    await runTerminalChat({
      ...(llm ? { llm } : {}),
      ctx,
      stores,
      clock: systemClock,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      user: userInfo().username,
      exportDir: config.exportDir,
      catalogs: new CatalogService(stores.kv, config.watchlistFile),
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
  return withStores(config, { readOnly: true }, async (stores, ctx) => {
    // A script needs a failing exit code for a case that does not exist, like export gives.
    if (caseId && !(await stores.cases.get(caseId)))
      throw new IpcheckError('case_not_found', `case ${caseId} does not exist in ${stores.kv.describe}`);
    const r = await runTurn(
      { ctx, cases: stores.cases, clock: systemClock },
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
  return withStores(config, { readOnly: true }, async (stores, ctx) => {
    const rec = await stores.cases.get(id);
    if (!rec) throw new IpcheckError('case_not_found', `case ${id} does not exist in ${stores.kv.describe}`);
    const files = await writeCaseExport(rec, ctx, values.out ?? config.exportDir, systemClock.now());
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
