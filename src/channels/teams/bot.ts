import { appDeps } from '../../app/app-deps.js';
import { claimDelivery } from '../../app/deliveries.js';
import { userText } from '../../domain/model/errors.js';
import { BUSY_TEXT, type TurnedAwayLog, type WorkGate } from '../shared/work-gate.js';
import type { BotTurn } from './bot-adapter.js';
import { onSubmit } from './card-actions.js';
import { readSubmit } from './card-data.js';
import { isInChannel, saveLegalRef, saveRef } from './conversation-refs.js';
import { onText } from './messages.js';
import { onFiles } from './sweep.js';
import type { TeamsDeps } from './teams-deps.js';

// Every activity Teams sends to /api/messages. A message is claimed by its activity id first: Teams
// sends the same activity again when the bot took longer than 15 s, and that retry must have no second
// effect. Then a typing indicator, so the person sees ipcheck working, the HTTP answer, and only then
// the slow work.

/** The user was told what went wrong already. */
const SORRY = (err: unknown) => `Sorry: ${userText(err)}`;

/** The bot was added somewhere: remember the conversation, and the legal channel when it is that one. */
async function onAdded(deps: TeamsDeps, turn: BotTurn): Promise<void> {
  const a = turn.activity;
  const added =
    a.type === 'installationUpdate'
      ? a.action === 'add' || a.action === undefined
      : (a.membersAdded ?? []).some((m) => m.id === a.recipient.id);
  if (!added) return;
  await saveRef(appDeps(deps).records, turn.ref());
  // A team install arrives in the team's General channel; a channel's id is in channelData too.
  const here = [a.conversation.id, a.channelData?.channel?.id].filter((x): x is string => Boolean(x));
  if (deps.legalChannel && here.some((c) => isInChannel(c, deps.legalChannel))) {
    await saveLegalRef(appDeps(deps).records, deps.legalChannel, turn.ref());
    await turn.send({
      type: 'message',
      text: 'ipcheck is set up here as the legal channel: escalated cases arrive here, one post per case.',
    });
  }
}

/** A message or a card's button, on its turn (the background one: see teamsBot). */
async function onMessage(deps: TeamsDeps, turn: BotTurn): Promise<void> {
  const a = turn.activity;
  const submit = a.value === undefined ? undefined : readSubmit(a.value);
  if (a.value !== undefined && !submit) {
    await turn.send({
      type: 'message',
      text: 'That button is no longer valid. Say "status" here to see where the case stands.',
    });
    return;
  }
  if (submit) await onSubmit(deps, turn, submit);
  else if (!(await onFiles(deps, turn))) await onText(deps, turn);
}

/**
 * The bot. `background` runs work after the request has been answered and keeps it counted, so a
 * shutdown waits for it (app.ts passes the in-flight drain); it is handed work that never rejects.
 */
export function teamsBot(
  deps: TeamsDeps,
  background: (work: () => Promise<void>) => void,
  /** The line work waits in (at most `limit` at once, a bounded number waiting) and its log of refusals. */
  line?: { gate: WorkGate; turnedAway: TurnedAwayLog },
): (turn: BotTurn) => Promise<void> {
  return async (turn) => {
    const a = turn.activity;
    if (a.type === 'conversationUpdate' || a.type === 'installationUpdate') return onAdded(deps, turn);
    if (a.type !== 'message') return;
    const ticket = line?.gate.enter();
    if (line && !ticket) {
      // Too much waiting already: said at once on this turn, nothing claimed, so a later try does the work.
      line.turnedAway.note('a message');
      await turn.send({ type: 'message', text: BUSY_TEXT }).catch(() => {});
      return;
    }
    // Without an activity id there is nothing to recognise a retry by: the work just runs.
    let run: ((work: () => Promise<void>) => Promise<void>) | undefined;
    try {
      run = a.id
        ? await claimDelivery(appDeps(deps), `teams:activity:${a.conversation.id}:${a.id}`)
        : (work) => work();
    } catch (err) {
      ticket?.release();
      deps.log.error(`teams: ${a.type} in ${a.conversation.id} failed: ${(err as Error).message}`);
      await turn.send({ type: 'message', text: SORRY(err) }).catch(() => {});
      return;
    }
    if (!run) {
      ticket?.release();
      deps.log.info(`teams: activity ${a.id ?? ''} was delivered again; handled once`);
      return;
    }
    // Only the typing indicator is sent on the request's own turn. CloudAdapter answers Teams' HTTP
    // request when this handler returns, and the work below can outlast Teams' 15 seconds (a slow
    // language model, a slow store), so it runs after, and replies through the conversation reference.
    await turn.send({ type: 'typing' }).catch((err: unknown) => {
      deps.log.warn(`teams: typing indicator in ${a.conversation.id} failed: ${(err as Error).message}`);
    });
    background(async () => {
      let told = false;
      await ticket?.turn();
      try {
        await run(() =>
          deps.adapter.continueTurn(a, async (t) => {
            try {
              await onMessage(deps, t);
            } catch (err) {
              deps.log.error(`teams: ${a.type} in ${a.conversation.id} failed: ${(err as Error).message}`);
              await t.send({ type: 'message', text: SORRY(err) }).catch(() => {});
              told = true;
              throw err; // gives the claim back, so a retry may do the work
            }
          }),
        );
      } catch (err) {
        // Reaching the conversation at all failed (the connector is down, no token): only the log knows.
        if (!told)
          deps.log.error(`teams: replying in ${a.conversation.id} failed: ${(err as Error).message}`);
      } finally {
        ticket?.release();
      }
    });
  };
}
