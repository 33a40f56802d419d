#!/usr/bin/env node
import { systemClock } from '../app/clock.js';
import { loadContext } from '../app/load-context.js';
import { runTerminalChat } from '../channels/terminal/chat.js';
import { loadConfig } from '../config.js';
import { isoDay } from '../core/dates.js';
import { buildOutcome } from '../core/outcome.js';
import { renderOutcomeText } from '../render/render-text.js';
import { parseTriageArgs, TRIAGE_USAGE, UsageError } from './triage-args.js';

const USAGE = `usage: ipcheck [chat]        the guided conversation in this terminal (default)
       ${TRIAGE_USAGE.replace('usage: ', '')}`;

async function triage(argv: string[]): Promise<number> {
  const config = loadConfig();
  const req = parseTriageArgs(argv, isoDay(systemClock.now()));
  const ctx = { ...(await loadContext()), defaults: config.defaults };
  const outcome = buildOutcome({ facts: req.facts, details: req.details, today: req.today }, ctx);
  process.stdout.write(
    req.json ? `${JSON.stringify(outcome, null, 2)}\n` : `${renderOutcomeText(outcome)}\n`,
  );
  return 0;
}

export async function chat(): Promise<number> {
  const config = loadConfig();
  const ctx = { ...(await loadContext()), defaults: config.defaults };
  await runTerminalChat({
    ctx,
    clock: systemClock,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
  });
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === undefined || cmd === 'chat') return await chat();
    if (cmd === 'triage') return await triage(rest);
    if (cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError(`unknown command "${cmd}"; expected chat or triage`);
  } catch (err) {
    const msg = (err as Error).message.split('\n').join(' ');
    process.stderr.write(`ipcheck: ${msg}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
