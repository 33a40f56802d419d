import type { App, RespondArguments, types } from '@slack/bolt';
import { appDeps } from '../../../app/app-deps.js';
import { teamCaseList } from '../../../app/case-list.js';
import { slackTeam } from '../../../app/case-scope.js';
import { deliverOnce } from '../../../app/deliveries.js';
import { whileOpening } from '../../../app/open-case.js';
import { runTurn } from '../../../app/turn.js';
import { turnDeps } from '../../../app/turn-deps.js';
import { smallTalkOf } from '../../../domain/conversation/small-talk.js';
import { isCaseId } from '../../../domain/model/case-record.js';
import { userText } from '../../../domain/model/errors.js';
import { findListingRefs, listingRefMessage, parseListingRef } from '../../../domain/reading/listing-ref.js';
import { isCaseListCommand } from '../../../domain/reading/vocabulary.js';
import { fromSlackText } from '../incoming-text.js';
import { AlreadyTold, type Command, openCase, type Respond } from '../opening.js';
import { escapeMrkdwn, renderSlack } from '../render-block-kit.js';
import { CHANNEL, dmKey, type SlackDeps, type WebClient } from '../slack-deps.js';
import { askForSweepFile } from './sweep.js';

const HELP = [
  '*ipcheck* helps you handle an IP complaint on AliExpress or Amazon: delist, dispute, or escalate to a lawyer.',
  '• `/ipcheck <listing> [what happened]` opens a case, e.g. `/ipcheck https://www.aliexpress.com/item/1005006123456789.html trademark complaint, their logo is on it`',
  '• `/ipcheck list` shows the open cases; `/ipcheck status IPC-0042` shows one with its audit trail',
  '• `/ipcheck sweep` checks your whole store: upload the listing export (CSV) in its thread, or in a case thread',
  '• Or mention me anywhere: `@ipcheck got a Nike trademark complaint on B0C1234567`',
  'It is not legal advice, and it never sends anything: a person sends every draft.',
].join('\n');

const ephemeral = (text: string, blocks?: types.KnownBlock[]): RespondArguments =>
  ({ response_type: 'ephemeral', text, ...(blocks ? { blocks } : {}) }) as RespondArguments;

async function listCases(deps: SlackDeps, team: string, respond: Respond): Promise<void> {
  const list = await teamCaseList(appDeps(deps), slackTeam(team));
  const unread = list.unreadable ? `\n:warning: ${escapeMrkdwn(list.unreadable)}` : '';
  if (list.rows.length === 0) {
    await respond(ephemeral(`No open cases in this workspace.${unread}`));
    return;
  }
  const lines = list.rows.map(({ c, next }) => {
    const listing = c.listingId ? `${c.platform ?? ''} ${c.listingId}` : 'no listing yet';
    const esc = c.escalation ? ` · legal: ${c.escalation}` : '';
    return `• *${c.id}* ${escapeMrkdwn(listing)} · ${c.status}${esc}${next ? ` · next: ${next.label} ${next.date}` : ''}`;
  });
  await respond(ephemeral(`Open cases (${list.rows.length}):\n${lines.join('\n')}${unread}`));
}

async function status(deps: SlackDeps, team: string, caseId: string, respond: Respond): Promise<void> {
  // Asked from this workspace (a key no thread has): another workspace's case is answered like an unknown id.
  const r = await runTurn(turnDeps(deps), {
    conversation: dmKey(team, 'command'),
    who: 'slack',
    channel: 'slack',
    event: { type: 'text', text: `status ${caseId}` },
  });
  const [msg] = renderSlack(r.replies, { caseId });
  await respond(ephemeral(msg?.text ?? 'No case.', msg?.blocks));
}

/** `/ipcheck <listing> [what happened]`: one case per open listing, in the thread of a case message. */
async function open(deps: SlackDeps, client: WebClient, cmd: Command, respond: Respond): Promise<void> {
  const first = cmd.text.split(/\s+/)[0] ?? '';
  const direct = parseListingRef(first);
  const ref = direct.ok ? direct.ref : findListingRefs(cmd.text).refs[0];
  if (!ref) {
    const problem = direct.ok ? 'not_a_listing' : direct.problem;
    // The message quotes what was typed, decoded now: escaped so it cannot become a mention or a link.
    await respond(
      ephemeral(`${escapeMrkdwn(listingRefMessage(problem, first))}\nSay \`/ipcheck help\` for examples.`),
    );
    return;
  }
  // Two people running /ipcheck on the same listing at once (or on two instances) must get one case.
  const opened = await whileOpening(appDeps(deps), { channel: CHANNEL, team: cmd.team_id, ref }, () =>
    openCase(deps, client, cmd, respond, ref),
  );
  if (!opened)
    await respond(
      ephemeral(
        `A case for ${escapeMrkdwn(ref.listingId)} is being opened right now. Look for it in the channel in a moment.`,
      ),
    );
}

async function handle(deps: SlackDeps, client: WebClient, cmd: Command, respond: Respond): Promise<void> {
  // Slack sends `&` `<` `>` encoded: parse what was typed (incoming-text.ts).
  const text = fromSlackText(cmd.text).trim();
  // "/ipcheck", "/ipcheck help", "/ipcheck hi", "/ipcheck thanks": nothing to open a case with.
  if (smallTalkOf(text)) return void (await respond(ephemeral(HELP)));
  if (isCaseListCommand(text)) return listCases(deps, cmd.team_id, respond);
  if (/^sweep$/i.test(text))
    return askForSweepFile(deps, client, cmd, async () => {
      await respond(
        ephemeral(
          'I am not in this channel yet. Add me with `/invite @ipcheck`, or send me the CSV in a DM.',
        ),
      );
    });
  const st = /^status(?:\s+(\S+))?$/i.exec(text);
  if (st) {
    const id = st[1]?.toUpperCase();
    if (!id || !isCaseId(id))
      return void (await respond(
        ephemeral('`/ipcheck status` needs a case id, like `/ipcheck status IPC-0042`.'),
      ));
    return status(deps, cmd.team_id, id, respond);
  }
  return open(deps, client, { ...cmd, text }, respond);
}

export function registerCommand(app: App, deps: SlackDeps): void {
  app.command('/ipcheck', async ({ command, ack, respond, client }) => {
    // Ack first: Slack shows an error if it has no answer within 3 seconds. Everything else comes after.
    await ack();
    try {
      // Slack sends no retry header for commands, but a user may re-send; the trigger id identifies one send.
      await deliverOnce(appDeps(deps), `slack:cmd:${command.trigger_id}`, () =>
        handle(deps, client, command, respond),
      );
    } catch (err) {
      deps.log.error(`/ipcheck failed: ${(err as Error).message}`);
      if (!(err instanceof AlreadyTold)) await respond(ephemeral(`Sorry: ${userText(err)}`)).catch(() => {});
    }
  });
}
