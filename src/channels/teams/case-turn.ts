import { appDeps } from '../../app/app-deps.js';
import { escalationLink } from '../../app/case-lookup.js';
import { runTurn, type TurnInput, type TurnResult } from '../../app/turn.js';
import { turnDeps } from '../../app/turn-deps.js';
import type { BotTurn, OutActivity } from './bot-adapter.js';
import { renderTeams } from './render-cards.js';
import { CHANNEL, type TeamsDeps } from './teams-deps.js';

/** The tenant of a Teams conversation key `teams:<tenant>:…`. */
export const tenantOfKey = (conversation: string): string | undefined =>
  /^teams:([^:]+):/.exec(conversation)?.[1];

export async function sendAll(turn: BotTurn, messages: readonly OutActivity[]): Promise<void> {
  for (const m of messages) await turn.send(m);
}

/** Runs one conversation turn and sends what it says into the conversation the activity came from. */
export async function turnAndSend(
  deps: TeamsDeps,
  turn: BotTurn,
  input: Omit<TurnInput, 'channel'>,
  /** Sent first: a card, or one made from the case id (for a case this turn opens). */
  header?: OutActivity | ((caseId: string) => OutActivity | undefined),
  /** Called once the turn is saved, before anything is sent (a failed send must not undo or redo it). */
  onSaved?: () => Promise<void>,
): Promise<TurnResult> {
  // Waiting for the language model: a fresh typing indicator (the first one has faded by then); not awaited,
  // so a slow connector never delays the answer.
  const working = () => {
    turn.send({ type: 'typing' }).catch(() => {});
  };
  // Typed commands that name a case ("status IPC-0042", "open …", "close …") and "cases" reach only this
  // tenant's cases: the turn's case scope (src/app/case-scope.ts) answers another's id like an unknown one.
  const r = await runTurn(turnDeps(deps), { onWorking: working, ...input, channel: CHANNEL });
  await onSaved?.();
  if (r.effects.some((e) => e.type === 'stale')) {
    await turn.send({
      type: 'message',
      text: 'That question was already answered; the conversation shows where the case stands.',
    });
    return r;
  }
  if (r.effects.some((e) => e.type === 'export'))
    r.replies.push({
      kind: 'text',
      tone: 'info',
      text: 'Exports are written by the terminal or CLI: run `ipcheck export <case id>` where ipcheck runs.',
    });
  const escalatedTo = await escalationLink(appDeps(deps), r.caseId);
  const cards = renderTeams(r.replies, { caseId: r.caseId ?? '', ...(escalatedTo ? { escalatedTo } : {}) });
  const head = typeof header === 'function' ? header(r.caseId ?? '') : header;
  await sendAll(turn, head ? [head, ...cards] : cards);
  return r;
}
