import type { App } from '@slack/bolt';
import { CatalogCollector, catalogSaved } from '../../../adapters/sweep/catalog.js';
import { loadMarks } from '../../../adapters/sweep/load-watchlist.js';
import {
  fileKind,
  SAVE_AS_CSV,
  type SharedFile,
  sweepFile,
  sweepStarting,
} from '../../../adapters/sweep/sweep-file.js';
import { appDeps } from '../../../app/app-deps.js';
import { catalogsFor } from '../../../app/catalogs.js';
import { deliverOnce } from '../../../app/deliveries.js';
import { rememberSweepThread, sweepCaseOf, takesSweepFiles } from '../../../app/sweep-in-chat.js';
import { userText } from '../../../domain/model/errors.js';
import { postText, slackError, type Where } from '../post.js';
import { postSafely } from '../post-once.js';
import { escapeMrkdwn } from '../render-block-kit.js';
import { dmKey, type SlackDeps, threadKey, type WebClient } from '../slack-deps.js';

// The store sweep in Slack: a CSV shared into a case thread (or into a thread opened by `/ipcheck sweep`, or
// a DM) is downloaded with the bot token, swept (src/adapters/sweep/sweep-file.ts), and answered in the same thread
// with the summary and the findings CSV.

interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  size?: number;
  mimetype?: string;
  url_private_download?: string;
  url_private?: string;
}

/** The bot token goes only to Slack's file host, or to the Web API's own host (a proxy, the tests' fake). */
function downloadUrl(client: WebClient, f: SlackFile): URL | undefined {
  const raw = f.url_private_download ?? f.url_private;
  if (!raw) return undefined;
  const url = new URL(raw);
  const api = new URL(client.slackApiUrl);
  const slackHost =
    url.protocol === 'https:' && (url.host === 'files.slack.com' || url.host.endsWith('.slack.com'));
  return slackHost || url.origin === api.origin ? url : undefined;
}

async function download(client: WebClient, f: SlackFile): Promise<AsyncIterable<Uint8Array>> {
  const url = downloadUrl(client, f);
  if (!url) throw new DownloadError('Slack gave no download address for it I can use');
  const res = await fetch(url, { headers: { Authorization: `Bearer ${client.token ?? ''}` } });
  if (!res.ok || !res.body) throw new DownloadError(`Slack answered ${res.status} to the download`);
  // Without the files:read scope Slack answers with its sign-in page instead of the file.
  if ((res.headers.get('content-type') ?? '').includes('text/html')) {
    await res.body.cancel();
    throw new DownloadError(
      'Slack sent a sign-in page instead of the file: the app needs the files:read scope (reinstall it from manifest/slack/manifest.yaml)',
    );
  }
  return res.body as unknown as AsyncIterable<Uint8Array>;
}

class DownloadError extends Error {}

/** Says something in the sweep's thread, once even when Slack's answer is lost (post-once.ts). */
async function say(deps: SlackDeps, client: WebClient, where: Where, text: string): Promise<void> {
  await postText(client, deps.log, where, escapeMrkdwn(text));
}

/** Sweeps one shared file into the thread it was shared in. */
async function sweepShared(
  deps: SlackDeps,
  client: WebClient,
  file: SlackFile,
  where: Where,
  conversation: string,
): Promise<void> {
  const shared: SharedFile = {
    name: file.name ?? file.title ?? 'file',
    ...(file.size !== undefined ? { size: file.size } : {}),
    ...(file.mimetype ? { mimetype: file.mimetype } : {}),
  };
  const kind = fileKind(shared);
  if (kind === 'other' || shared.name.endsWith('sweep-findings.csv')) return;
  if (kind === 'spreadsheet') return say(deps, client, where, SAVE_AS_CSV);
  const sweepCase = await sweepCaseOf(appDeps(deps), conversation);
  const { marks } = await loadMarks(deps.watchlistFile);
  const { brand } = sweepCase;
  await say(deps, client, where, sweepStarting(shared, marks.length, brand));
  let reply: Awaited<ReturnType<typeof sweepFile>>;
  const catalog = new CatalogCollector();
  try {
    reply = await sweepFile(shared, await download(client, file), {
      marks,
      ...sweepCase,
      onListing: catalog.add,
    });
  } catch (err) {
    if (!(err instanceof DownloadError)) throw err;
    deps.log.warn(`sweep download failed: ${err.message}`);
    return say(deps, client, where, `I could not download ${shared.name}: ${err.message}.`);
  }
  let text = reply.text;
  if (reply.ok && catalog.listings.length > 0) {
    catalog.partial ||= reply.result.stoppedEarly !== undefined;
    await catalogsFor(deps).save(conversation, catalog, shared.name, deps.clock.now());
    text += `\n\n${catalogSaved(catalog.listings.length, catalog.partial)}`;
  }
  await say(deps, client, where, text);
  if (!reply.ok || reply.result.findings.length === 0) return;
  await client.filesUploadV2({
    channel_id: where.channel,
    ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
    initial_comment: `Every finding with its delist action (${reply.result.findings.length} rows).`,
    file_uploads: [{ filename: reply.csvName, content: reply.csv }],
  });
}

export function registerSweep(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, body, client, context }) => {
    if (event.subtype !== 'file_share' || !('files' in event) || !event.files?.length) return;
    // Never the bot's own uploads: its findings file is a CSV too, and sweeping it would answer forever.
    if (('bot_id' in event && event.bot_id) || !('user' in event) || event.user === context.botUserId) return;
    const team = body.team_id;
    const dm = event.channel_type === 'im';
    const thread = 'thread_ts' in event ? (event.thread_ts as string | undefined) : undefined;
    let where: Where;
    let conversation: string;
    if (dm) {
      where = { channel: event.channel, ...(thread ? { thread_ts: thread } : { after: event.ts }) };
      conversation = dmKey(team, event.channel);
    } else {
      // In a channel, only files in a case thread, or in a thread `/ipcheck sweep` opened: never any file.
      if (!thread) return;
      conversation = threadKey(team, event.channel, thread);
      if (!(await takesSweepFiles(appDeps(deps), conversation))) return;
      where = { channel: event.channel, thread_ts: thread };
    }
    const files = event.files as SlackFile[];
    try {
      await deliverOnce(appDeps(deps), `slack:event:${body.event_id}`, async () => {
        for (const f of files) await sweepShared(deps, client, f, where, conversation);
      });
    } catch (err) {
      deps.log.error(`sweep in ${conversation} failed: ${(err as Error).message}`);
      await postText(client, deps.log, where, `Sorry: ${userText(err)}`).catch(() => {});
    }
  });
}

/** `/ipcheck sweep`: a message in the channel whose thread takes the listing export. */
export async function askForSweepFile(
  deps: SlackDeps,
  client: WebClient,
  cmd: { team_id: string; channel_id: string; user_id: string },
  notInChannel: () => Promise<void>,
): Promise<void> {
  let ts: string | undefined;
  try {
    ts = await postSafely(client, deps.log, {
      channel: cmd.channel_id,
      text: `<@${cmd.user_id}> Store sweep: upload your listing export (CSV) as a reply in this thread, and I will check every listing for well-known marks and list those at risk, each with its delist action. Exports: AliExpress Seller Center > Products > Manage Products > Export; Amazon Seller Central > Inventory > Inventory Reports > All Listings Report.`,
      unfurl_links: false,
    });
  } catch (err) {
    const code = slackError(err);
    if (code === 'not_in_channel' || code === 'channel_not_found') return notInChannel();
    throw err;
  }
  // Its thread takes the listing export for a day (src/app/sweep-in-chat.ts).
  if (ts) await rememberSweepThread(appDeps(deps), threadKey(cmd.team_id, cmd.channel_id, ts), cmd.user_id);
}
