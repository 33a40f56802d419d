import type { RespondArguments } from '@slack/bolt';
import { appDeps } from '../../app/app-deps.js';
import { caseOfConversation } from '../../app/case-lookup.js';
import { slackTeam } from '../../app/case-scope.js';
import {
  dropOpening,
  type Opening,
  type OpeningOf,
  openCaseOfListing,
  openingId,
  readOpening,
  saveOpening,
} from '../../app/open-case.js';
import type { CaseRecord } from '../../domain/model/case-record.js';
import { userText } from '../../domain/model/errors.js';
import type { ListingRef } from '../../domain/reading/listing-ref.js';
import { turnAndPost } from './case-ops.js';
import { slackError } from './post.js';
import { definitelyNotPosted, findOwnMessage, postOnce } from './post-once.js';
import { escapeMrkdwn } from './render-block-kit.js';
import { CHANNEL, type SlackDeps, threadKey, type WebClient } from './slack-deps.js';

// `/ipcheck <listing>` posts a case message (a "working…" placeholder), opens the case in its thread,
// posts the first question, then puts the case id in the case message. Any step can fail, or the
// process can stop between two (kill -9). What is done is written down as it happens (the opening
// record, written before anything else, with the seller's first words), so running `/ipcheck <listing>`
// again finishes a half-opened case instead of opening a second one or posting a second case message:
// the placeholder is reused (looked for in the channel when its post failed), a case not saved yet is
// opened with the first try's words, a case already saved (always whole: the store saves it with its
// opening words in one write) gets its question shown, and only the missing steps are done. The opening
// record and the case lookups are the app's (src/app/open-case.ts); posting the case message is Slack's.

export type Respond = (msg: RespondArguments) => Promise<unknown>;

export interface Command {
  text: string;
  team_id: string;
  channel_id: string;
  user_id: string;
  trigger_id: string;
}

/** The user was already told what went wrong (in place and privately); the caller must not say more. */
export class AlreadyTold extends Error {}

/**
 * The words a case opens with. `/ipcheck <listing>` alone, run again after a crash, applies what the seller
 * said the first time (kept with the opening); words given again are the seller's latest, and win.
 */
function openingWords(cmd: Command, earlier: Opening | undefined): string {
  const alone = cmd.text.trim().split(/\s+/).length <= 1;
  return alone && earlier?.text ? earlier.text : cmd.text;
}

/** This workspace's opening of a listing, as the app keeps it. */
const openingOf = (cmd: Command, ref: ListingRef): OpeningOf => ({
  channel: CHANNEL,
  team: cmd.team_id,
  ref,
});

export const ephemeral = (text: string): RespondArguments =>
  ({ response_type: 'ephemeral', text }) as RespondArguments;

const listingName = (ref: ListingRef) =>
  `${ref.platform === 'amazon' ? 'Amazon' : ref.platform === 'aliexpress' ? 'AliExpress' : 'Listing'} ${ref.listingId}`;

function placeholder(listing: string, user: string) {
  return {
    text: `New IP case for ${escapeMrkdwn(listing)}, opened by <@${user}>`,
    blocks: [
      {
        type: 'section' as const,
        text: {
          type: 'mrkdwn' as const,
          text: `:hourglass_flowing_sand: Opening an IP case · ${escapeMrkdwn(listing)} · <@${user}> · working…`,
        },
      },
    ],
  };
}

async function showCaseId(
  client: WebClient,
  where: { channel: string; ts: string },
  caseId: string,
  listing: string,
  user: string,
): Promise<void> {
  await client.chat.update({
    ...where,
    text: `${caseId}: IP case for ${escapeMrkdwn(listing)}, opened by <@${user}>`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:shield: *${caseId}* · ${escapeMrkdwn(listing)} · opened by <@${user}>\nContinue in the thread.`,
        },
      },
    ],
  });
}

const again = (ref: ListingRef) => `Run \`/ipcheck ${escapeMrkdwn(ref.listingId)}\` again`;

/** Finishes a case whose opening stopped after the case was saved. */
async function finishOpening(
  deps: SlackDeps,
  client: WebClient,
  cmd: Command,
  respond: Respond,
  ref: ListingRef,
  rec: CaseRecord,
  opening: Required<Pick<Opening, 'ts'>> & Opening,
): Promise<void> {
  const app = appDeps(deps);
  const where = { channel: opening.channel, thread_ts: opening.ts };
  // A case an older ipcheck saved empty (before the words that opened it): those words are applied now.
  const empty = !rec.state.facts.listingId && rec.audit.every((a) => a.action === 'case_opened');
  if (!opening.posted || empty) {
    // The case was saved but its first question never made it: show where it stands (nothing applied twice).
    await turnAndPost(
      deps,
      client,
      {
        conversation: threadKey(cmd.team_id, opening.channel, opening.ts),
        who: cmd.user_id,
        channel: 'slack',
        event: empty ? { type: 'start', text: openingWords(cmd, opening) } : { type: 'show' },
        caseId: rec.id,
      },
      where,
      cmd.user_id,
    );
    await saveOpening(app, openingOf(cmd, ref), { ...opening, posted: true });
  }
  await showCaseId(
    client,
    { channel: opening.channel, ts: opening.ts },
    rec.id,
    listingName(ref),
    rec.openedBy,
  );
  await dropOpening(app, openingOf(cmd, ref));
  const link = (await client.chat.getPermalink({ channel: opening.channel, message_ts: opening.ts }))
    .permalink;
  await respond(
    ephemeral(
      `${rec.id} for this listing had not finished opening; it is now${link ? `: ${link}` : '.'} Continue in its thread.`,
    ),
  );
}

/** The placeholder for this opening: the earlier try's when there is one, else a new one. */
async function placeholderTs(
  deps: SlackDeps,
  client: WebClient,
  cmd: Command,
  ref: ListingRef,
  earlier: Opening | undefined,
  /** The seller's words, kept with the opening. */
  text: string,
): Promise<string> {
  const app = appDeps(deps);
  const of = openingOf(cmd, ref);
  // The case message carries the opening's id, so a later try finds it in the channel.
  const msgKey = { kind: 'case_message', ref: openingId(of) };
  const listing = listingName(ref);
  const intent: Opening = { channel: cmd.channel_id, text };
  let ts = earlier?.ts;
  // Its post failed without saying whether it was posted: it may be in the channel anyway.
  if (earlier && !ts) ts = await findOwnMessage(client, earlier.channel, msgKey);
  if (ts) {
    // It may say "Could not open…" from the earlier try: working again.
    await client.chat.update({ channel: cmd.channel_id, ts, ...placeholder(listing, cmd.user_id) });
    await saveOpening(app, of, { ...intent, ts });
    return ts;
  }
  // Written before the post: a process killed during it leaves this, and the next try looks for the post.
  await saveOpening(app, of, intent);
  try {
    ts = await postOnce(client, deps.log, msgKey, {
      channel: cmd.channel_id,
      ...placeholder(listing, cmd.user_id),
    });
  } catch (err) {
    // Slack said no: certainly not posted, nothing to look for next time.
    if (definitelyNotPosted(err)) await dropOpening(app, of).catch(() => {});
    throw err;
  }
  await saveOpening(app, of, { ...intent, ts });
  return ts;
}

/** `/ipcheck <listing>` once the listing is known and no other try for it is running (the caller's claim). */
export async function openCase(
  deps: SlackDeps,
  client: WebClient,
  cmd: Command,
  respond: Respond,
  ref: ListingRef,
): Promise<void> {
  const app = appDeps(deps);
  const of = openingOf(cmd, ref);
  let earlier = await readOpening(app, of);
  if (earlier?.ts) {
    const half = await caseOfConversation(app, threadKey(cmd.team_id, earlier.channel, earlier.ts));
    if (half) return finishOpening(deps, client, cmd, respond, ref, half, { ...earlier, ts: earlier.ts });
  }
  // Only a case of this workspace is "already open" here: another workspace's case is not linked to.
  const existing = await openCaseOfListing(app, ref, slackTeam(cmd.team_id), 'listed');
  if (existing) {
    const t = existing.sellerThread;
    const link = t?.ts
      ? (await client.chat.getPermalink({ channel: t.channel, message_ts: t.ts })).permalink
      : undefined;
    await respond(
      ephemeral(
        `Case *${existing.id}* for this listing is already open${link ? `: ${link}` : '.'} Continue there.`,
      ),
    );
    return;
  }
  if (earlier && earlier.channel !== cmd.channel_id) {
    // The earlier try was in another channel: the case opens here, and its old placeholder says so.
    if (earlier.ts)
      await client.chat
        .update({
          channel: earlier.channel,
          ts: earlier.ts,
          text: `This case is being opened in <#${cmd.channel_id}> instead.`,
          blocks: [],
        })
        .catch(() => {});
    earlier = undefined;
  }
  const listing = listingName(ref);
  const text = openingWords(cmd, earlier);
  let ts: string;
  try {
    ts = await placeholderTs(deps, client, cmd, ref, earlier, text);
  } catch (err) {
    const code = slackError(err);
    if (code === 'not_in_channel' || code === 'channel_not_found') {
      await respond(
        ephemeral(
          'I am not in this channel yet. Add me with `/invite @ipcheck`, or open the case in a DM with me.',
        ),
      );
      return;
    }
    if (definitelyNotPosted(err)) throw err;
    // A timeout or a 5xx: the case message may be in the channel although the call failed.
    deps.log.error(`posting the case message for ${ref.listingId} failed: ${(err as Error).message}`);
    await respond(
      ephemeral(
        `Sorry: Slack did not confirm the case message, so the case is not open yet. ${again(ref)}: if the message was posted, the case opens in it; nothing is posted twice.`,
      ),
    ).catch(() => {});
    throw new AlreadyTold((err as Error).message);
  }
  const conversation = threadKey(cmd.team_id, cmd.channel_id, ts);
  let caseId: string | undefined;
  try {
    const r = await turnAndPost(
      deps,
      client,
      {
        conversation,
        who: cmd.user_id,
        channel: 'slack',
        event: { type: 'start', text },
        sellerThread: { team: cmd.team_id, channel: cmd.channel_id, ts },
      },
      { channel: cmd.channel_id, thread_ts: ts },
      cmd.user_id,
    );
    caseId = r.caseId;
  } catch (err) {
    deps.log.error(`opening a case for ${ref.listingId} failed: ${(err as Error).message}`);
    // Saved or not decides what is true to say: "nothing was changed" only when nothing was.
    const saved = await caseOfConversation(app, conversation).catch(() => undefined);
    const inPlace = saved
      ? `:warning: *${saved.id}* · ${escapeMrkdwn(listing)} is open, but its first question did not post. ${again(ref)} to finish it.`
      : `:warning: Could not open the case for ${escapeMrkdwn(listing)}: ${userText(err)} ${again(ref)}.`;
    await client.chat.update({ channel: cmd.channel_id, ts, text: inPlace, blocks: [] }).catch(() => {});
    await respond(
      ephemeral(
        saved
          ? `Sorry: ${saved.id} was opened, but I could not post its first question. ${again(ref)} to finish it; nothing will be asked or posted twice.`
          : `Sorry: ${userText(err)}`,
      ),
    ).catch(() => {});
    throw new AlreadyTold((err as Error).message);
  }
  await saveOpening(app, of, { channel: cmd.channel_id, ts, posted: true, text });
  try {
    await showCaseId(client, { channel: cmd.channel_id, ts }, caseId ?? '', listing, cmd.user_id);
  } catch (err) {
    deps.log.error(`updating the case message of ${caseId} failed: ${(err as Error).message}`);
    await respond(
      ephemeral(
        `${caseId} is open and its thread has the first question, but its case message still says "working…". ${again(ref)} to fix it.`,
      ),
    ).catch(() => {});
    throw new AlreadyTold((err as Error).message);
  }
  await dropOpening(app, of);
}
