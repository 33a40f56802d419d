import { appDeps } from '../../app/app-deps.js';
import { relayAnswer as relayLegalAnswer } from '../../app/legal.js';
import { DELIVERY_KEEP_MS } from '../../app/once.js';
import { unreadableNote } from '../../app/unreadable-note.js';
import { todayFor } from '../../domain/conversation/outcome.js';
import { smallTalkOf } from '../../domain/conversation/small-talk.js';
import { computeDeadlines, nextDeadline } from '../../domain/decision/deadlines.js';
import { type CaseRecord, isCaseId } from '../../domain/model/case-record.js';
import {
  findListingRefs,
  type ListingRef,
  listingRefMessage,
  parseListingRef,
} from '../../domain/reading/listing-ref.js';
import type { BotTurn, OutActivity } from './bot-adapter.js';
import { inTenant, otherTenant, sendAll, tenantOfKey, turnAndSend } from './case-turn.js';
import { isInChannel, saveLegalRef, saveRef } from './conversation-refs.js';
import { teamsMessage, tellLegal, turnTelling } from './legal.js';
import { cardMessages, para, wordsMessage } from './render-cards.js';
import { convKey, type TeamsDeps, whoOf } from './teams-deps.js';

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

// How long "this delivery's text was applied" is remembered (as long as a delivery claim).
const APPLIED_KEEP_MS = DELIVERY_KEEP_MS;
const APPLIED_LEASE_MS = 5 * 60_000;

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
  const today = todayFor(deps.ctx, deps.clock.now());
  const report = await deps.stores.cases.listOpenReport();
  const open = report.cases.filter(inTenant(tenant));
  const lines = open.map((c) => {
    const next = nextDeadline(computeDeadlines(c.facts, today, deps.ctx.kb, { details: c.details }));
    const listing = c.listingId ? `${c.platform ?? ''} ${c.listingId}` : 'no listing yet';
    const esc = c.escalation ? ` · legal: ${c.escalation}` : '';
    return `• ${c.id} ${listing} · ${c.status}${esc}${next ? ` · next: ${next.label} ${next.date}` : ''}`;
  });
  const note = unreadableNote(report.unreadable, (c) => c.startsWith(`teams:${tenant}:`));
  const head = open.length === 0 ? 'No open cases here.' : `Open cases (${open.length})`;
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
  const found = await deps.stores.cases.openByListing(ref.platform, ref.listingId);
  if (found && !otherTenant(found, tenant)) {
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
  const claim = `teams:open:${tenant}:${ref.platform}:${ref.listingId}`;
  if (!(await deps.stores.claims.claim(claim, 2 * 60_000)))
    return void (await say(turn, `A case for ${ref.listingId} is being opened right now.`));
  try {
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
  } finally {
    await deps.stores.claims.release(claim);
  }
}

async function command(deps: TeamsDeps, turn: BotTurn, text: string): Promise<void> {
  const key = convKey(turn.activity);
  const tenant = tenantOfKey(key) ?? '';
  // "ipcheck", "ipcheck help", "ipcheck hi", "ipcheck thanks": nothing to open a case with.
  if (smallTalkOf(text)) return sendAll(turn, card(HELP, HELP.join('\n')));
  if (/^(list|cases)$/i.test(text)) return listCases(deps, turn, tenant);
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

/** When legal asked the seller something, the seller's next message in the case's conversation is the answer. */
function relayAnswer(
  deps: TeamsDeps,
  turn: BotTurn,
  rec: CaseRecord,
  text: string,
  onSaved: () => Promise<void>,
): Promise<boolean> {
  return relayLegalAnswer(
    appDeps(deps),
    {
      ...turnTelling(turn),
      postInLegalThread: (saved, reply) => tellLegal(deps, saved, [teamsMessage(reply)]),
    },
    rec,
    whoOf(turn.activity),
    text,
    onSaved,
  );
}

export async function onText(deps: TeamsDeps, turn: BotTurn): Promise<void> {
  const a = turn.activity;
  const text = deps.adapter.textWithoutMention(a);
  await saveRef(deps.stores.kv, turn.ref());
  if (isInChannel(a.conversation.id, deps.legalChannel) && deps.legalChannel) {
    // Any message to the bot in the legal channel also tells it where the legal channel is.
    await saveLegalRef(deps.stores.kv, deps.legalChannel, turn.ref());
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
  const rec = await deps.stores.cases.byConversation(key);
  // A delivery whose text was saved but whose replies failed to send is released (bot.ts) and retried by
  // Teams: the retry must not apply the text again ("yes" to one question would answer the next), so it
  // shows where the case stands instead.
  const applied = `teams:applied:${a.conversation.id}:${a.id ?? ''}`;
  const first = !a.id || (await deps.stores.claims.claim(applied, APPLIED_LEASE_MS));
  let saved = false;
  const markSaved = async () => {
    saved = true;
    if (first && a.id) await deps.stores.claims.complete(applied, APPLIED_KEEP_MS);
  };
  try {
    if (first && rec && (await relayAnswer(deps, turn, rec, text, markSaved))) return;
    await turnAndSend(
      deps,
      turn,
      {
        conversation: key,
        who: whoOf(a),
        event: first || !rec ? { type: 'text', text } : { type: 'show' },
        sellerThread: { team: tenantOfKey(key) ?? '', channel: a.conversation.id },
      },
      undefined,
      markSaved,
    );
  } catch (err) {
    // Nothing was saved: the retry may apply the text after all.
    if (first && a.id && !saved) await deps.stores.claims.release(applied).catch(() => {});
    throw err;
  }
}
