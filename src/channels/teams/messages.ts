import { appDeps } from '../../app/app-deps.js';
import { teamCaseList } from '../../app/case-list.js';
import { teamsTeam } from '../../app/case-scope.js';
import { applySellerMessage } from '../../app/deliveries.js';
import { openCaseOfListing, whileOpening } from '../../app/open-case.js';
import { smallTalkOf } from '../../domain/conversation/small-talk.js';
import { isCaseId } from '../../domain/model/case-record.js';
import {
  findListingRefs,
  type ListingRef,
  listingRefMessage,
  parseListingRef,
} from '../../domain/reading/listing-ref.js';
import { isCaseListCommand } from '../../domain/reading/vocabulary.js';
import type { BotTurn, OutActivity } from './bot-adapter.js';
import { sendAll, tenantOfKey, turnAndSend } from './case-turn.js';
import { isInChannel, saveLegalRef, saveRef } from './conversation-refs.js';
import { teamsMessage, tellLegal, turnTelling } from './legal.js';
import { cardMessages, para, wordsMessage } from './render-cards.js';
import { CHANNEL, convKey, type TeamsDeps, whoOf } from './teams-deps.js';

// Typed messages: `ipcheck <listing> [what happened]`, `ipcheck help|list|status <case>`, and free text
// (an @mention in a channel, or anything in a chat with the bot) that continues the conversation's case
// or opens one. The @mention itself is taken out of the text before anything reads it.

const HELP = [
  'ipcheck helps you handle an IP complaint on AliExpress or Amazon: delist, dispute, or escalate to a lawyer.',
  '• ipcheck <listing> [what happened] opens a case, e.g. ipcheck https://www.aliexpress.com/item/1005006123456789.html trademark complaint, their logo is on it',
  '• ipcheck list shows the open cases; ipcheck status IPC-0042 shows one with its audit trail',
  '• Or just tell me what happened: @ipcheck got a Nike trademark complaint on B0C1234567',
  'It is not legal advice, and it never sends anything: a person sends every draft.',
];

const say = (turn: BotTurn, text: string) => turn.send({ type: 'message', text });

function card(lines: string[], fallback: string): OutActivity[] {
  return cardMessages(
    lines.map((l, i) => para(l, i === 0 ? { weight: 'Bolder' } : {})),
    fallback,
  );
}

const listingName = (ref: ListingRef) =>
  `${ref.platform === 'amazon' ? 'Amazon' : ref.platform === 'aliexpress' ? 'AliExpress' : 'Listing'} ${ref.listingId}`;

async function listCases(deps: TeamsDeps, turn: BotTurn, tenant: string): Promise<void> {
  // Only this tenant's cases (one store may serve several tenants).
  const list = await teamCaseList(appDeps(deps), teamsTeam(tenant));
  const lines = list.rows.map(({ c, next }) => {
    const listing = c.listingId ? `${c.platform ?? ''} ${c.listingId}` : 'no listing yet';
    const esc = c.escalation ? ` · legal: ${c.escalation}` : '';
    return `• ${c.id} ${listing} · ${c.status}${esc}${next ? ` · next: ${next.label} ${next.date}` : ''}`;
  });
  const note = list.unreadable;
  const head = lines.length === 0 ? 'No open cases here.' : `Open cases (${lines.length})`;
  await sendAll(turn, card([head, ...lines, ...(note ? [`⚠ ${note}`] : [])], `${head}\n${lines.join('\n')}`));
}

/** `ipcheck <listing> [what happened]`: a new case in this conversation, one per open listing. */
async function openListing(deps: TeamsDeps, turn: BotTurn, text: string): Promise<void> {
  const a = turn.activity;
  const key = convKey(a);
  const tenant = tenantOfKey(key) ?? '';
  const first = text.split(/\s+/)[0] ?? '';
  const direct = parseListingRef(first);
  const ref = direct.ok ? direct.ref : findListingRefs(text).refs[0];
  if (!ref) {
    const problem = direct.ok ? 'not_a_listing' : direct.problem;
    // What they typed is quoted: in TextRuns, never markdown.
    const msg = `${listingRefMessage(problem, first)}\nSay "ipcheck help" for examples.`;
    return void (await turn.send(wordsMessage(msg)));
  }
  // A case this tenant may reach is continued, not opened again (another tenant's is not theirs to see).
  const found = await openCaseOfListing(appDeps(deps), ref, teamsTeam(tenant), 'reachable');
  if (found) {
    const here = found.conversations.includes(key);
    return void (await say(
      turn,
      here
        ? `Case ${found.id} for this listing is already open here; answer its question above, or say "status".`
        : `Case ${found.id} for this listing is already open in another conversation. Say "open ${found.id}" to continue it here.`,
    ));
  }
  const who = whoOf(a);
  // Two people opening the same listing at once (or on two instances) get one case.
  const opened = await whileOpening(appDeps(deps), { channel: CHANNEL, team: tenant, ref }, async () => {
    // A new case in this conversation, saved with its opening words in one write: a crash leaves no
    // case, or a whole one that the next `ipcheck <listing>` finds (never an empty one it cannot).
    await turnAndSend(
      deps,
      turn,
      {
        conversation: key,
        who,
        event: { type: 'start', text },
        newCase: true,
        sellerThread: { team: tenant, channel: a.conversation.id },
      },
      (caseId) =>
        card(
          [`${caseId} · ${listingName(ref)} · opened by ${who}`],
          `${caseId}: IP case for ${listingName(ref)}`,
        )[0],
    );
  });
  if (!opened) await say(turn, `A case for ${ref.listingId} is being opened right now.`);
}

async function command(deps: TeamsDeps, turn: BotTurn, text: string): Promise<void> {
  const key = convKey(turn.activity);
  const tenant = tenantOfKey(key) ?? '';
  // "ipcheck", "ipcheck help", "ipcheck hi", "ipcheck thanks": nothing to open a case with.
  if (smallTalkOf(text)) return sendAll(turn, card(HELP, HELP.join('\n')));
  if (isCaseListCommand(text)) return listCases(deps, turn, tenant);
  const st = /^status(?:\s+(\S+))?$/i.exec(text);
  if (st) {
    const id = st[1]?.toUpperCase();
    if (id && !isCaseId(id))
      return void (await say(turn, '"ipcheck status" needs a case id, like ipcheck status IPC-0042.'));
    // Another tenant's case is answered like an unknown id by the turn's case scope.
    await turnAndSend(deps, turn, {
      conversation: key,
      who: whoOf(turn.activity),
      event: { type: 'text', text: `status${id ? ` ${id}` : ''}` },
    });
    return;
  }
  return openListing(deps, turn, text);
}

export async function onText(deps: TeamsDeps, turn: BotTurn): Promise<void> {
  const a = turn.activity;
  const text = deps.adapter.textWithoutMention(a);
  await saveRef(appDeps(deps).records, turn.ref());
  if (isInChannel(a.conversation.id, deps.legalChannel) && deps.legalChannel) {
    // Any message to the bot in the legal channel also tells it where the legal channel is.
    await saveLegalRef(appDeps(deps).records, deps.legalChannel, turn.ref());
    if (!/^ipcheck\b/i.test(text))
      return void (await say(
        turn,
        'This is the legal channel: escalated cases arrive here, one post per case.',
      ));
  }
  const cmd = /^ipcheck\b\s*([\s\S]*)$/i.exec(text);
  if (cmd) return command(deps, turn, (cmd[1] ?? '').trim());
  if (text === '') return sendAll(turn, card(HELP, HELP.join('\n')));
  const key = convKey(a);
  // A delivery whose text was saved but whose replies failed to send is released (bot.ts) and retried by
  // Teams: its text is applied once (src/app/deliveries.ts), the retry shows where the case stands.
  const who = whoOf(a);
  await applySellerMessage(
    appDeps(deps),
    {
      channel: CHANNEL,
      conversation: key,
      who,
      text,
      ...(a.id ? { deliveryId: `${a.conversation.id}:${a.id}` } : {}),
      startIfNew: true,
    },
    {
      legal: {
        ...turnTelling(turn),
        postInLegalThread: (saved, reply) => tellLegal(deps, saved, [teamsMessage(reply)]),
      },
      turn: async (event, onSaved) => {
        await turnAndSend(
          deps,
          turn,
          {
            conversation: key,
            who,
            event,
            sellerThread: { team: tenantOfKey(key) ?? '', channel: a.conversation.id },
          },
          undefined,
          onSaved,
        );
      },
    },
  );
}
