import { CatalogCollector, catalogSaved } from '../../adapters/sweep/catalog.js';
import { loadMarks } from '../../adapters/sweep/load-watchlist.js';
import {
  fileKind,
  SAVE_AS_CSV,
  type SharedFile,
  sweepFile,
  sweepStarting,
} from '../../adapters/sweep/sweep-file.js';
import { appDeps } from '../../app/app-deps.js';
import { catalogsFor } from '../../app/catalogs.js';
import { sweepCaseOf } from '../../app/sweep-in-chat.js';
import type { BotTurn, InActivity } from './bot-adapter.js';
import { DownloadError, downloadFile } from './file-download.js';
import { cardMessages, para } from './render-cards.js';
import { convKey, type TeamsDeps } from './teams-deps.js';

// The store sweep in Teams. In a personal chat, a file sent to the bot arrives as a
// `file.download.info` attachment with a pre-authenticated download address: it is downloaded
// (file-download.ts), swept (src/adapters/sweep/sweep-file.ts) and answered with the findings as cards. In a
// channel or group chat a file is only a link in the message's HTML, which a bot cannot open without
// Microsoft Graph permissions: there ipcheck says how to do it instead.

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

interface Attachment {
  contentType?: string;
  name?: string;
  content?: unknown;
}

interface DownloadInfo {
  downloadUrl?: string;
  uniqueId?: string;
  fileType?: string;
}

export const SEND_IN_CHAT =
  'I cannot open files shared in a channel or group chat. To sweep your listing export, send the CSV to me in a 1:1 chat (open ipcheck under Apps, then attach the file there), or run `ipcheck sweep FILE` on a computer.';

const FULL_CSV =
  'Every finding with its delist action, as a CSV: run `ipcheck sweep FILE --out findings.csv` where ipcheck runs (a Teams bot cannot attach files without asking each person for consent).';

const attachmentsOf = (a: InActivity): Attachment[] =>
  (a.attachments ?? []).filter((x): x is Attachment => Boolean(x) && typeof x === 'object');

/** A channel message's HTML with a shared file in it: an <attachment> tag, or a link to SharePoint. */
function htmlHasFile(x: Attachment): boolean {
  if (x.contentType !== 'text/html' || typeof x.content !== 'string') return false;
  return (
    /<attachment\b/i.test(x.content) || /href="https:\/\/[^"/]*\.sharepoint(-df)?\.com\//i.test(x.content)
  );
}

async function say(turn: BotTurn, text: string): Promise<void> {
  await turn.send({ type: 'message', text });
}

/** The sweep's answer as cards: the headline and each mark bold, every finding a paragraph of data. */
function sweepCards(text: string, name: string) {
  const lines = text.split('\n');
  const body = lines
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const group = /^\S.*: \d+ (high|medium|low)/.test(l);
      return para(l.trim(), i === 0 || group ? { weight: 'Bolder' } : {}, group ? 'Medium' : undefined);
    });
  return cardMessages(body, `Store sweep of ${name}`);
}

/**
 * Handles the files of a message, if it has any ipcheck sweeps or must answer about; false when there are
 * none (the message is then read as text).
 */
export async function onFiles(deps: TeamsDeps, turn: BotTurn): Promise<boolean> {
  const a = turn.activity;
  const attachments = attachmentsOf(a);
  const files = attachments.filter((x) => x.contentType === FILE_DOWNLOAD_INFO);
  const personal =
    a.conversation.conversationType === 'personal' || (!a.conversation.isGroup && !a.channelData?.channel);
  if (files.length === 0) {
    if (!personal && attachments.some(htmlHasFile)) {
      await say(turn, SEND_IN_CHAT);
      return true;
    }
    return false;
  }
  let handled = false;
  for (const f of files) handled = (await sweepOne(deps, turn, f)) || handled;
  return handled;
}

async function sweepOne(deps: TeamsDeps, turn: BotTurn, f: Attachment): Promise<boolean> {
  const info = (f.content && typeof f.content === 'object' ? f.content : {}) as DownloadInfo;
  const name = (f.name ?? '').trim() || `file.${info.fileType ?? 'csv'}`;
  const shared: SharedFile = { name };
  const kind = fileKind(shared);
  // Images and the notice's PDF are not for the sweep: the message's text, if any, is read as usual.
  if (kind === 'other') return false;
  if (kind === 'spreadsheet') {
    await say(turn, SAVE_AS_CSV);
    return true;
  }
  if (typeof info.downloadUrl !== 'string') {
    await say(turn, `Teams sent ${name} without a download address, so I cannot open it. Send it again.`);
    return true;
  }
  const conversation = convKey(turn.activity);
  // A file sent while a case is open in this chat is swept with that case's brand and preservation.
  const sweepCase = await sweepCaseOf(appDeps(deps), conversation);
  const { brand } = sweepCase;
  const { marks } = await loadMarks(deps.watchlistFile);
  const catalog = new CatalogCollector();
  let reply: Awaited<ReturnType<typeof sweepFile>>;
  try {
    const got = await downloadFile(info.downloadUrl, deps.localMode === true);
    const sized: SharedFile = { ...shared, ...(got.size !== undefined ? { size: got.size } : {}) };
    await say(turn, sweepStarting(sized, marks.length, brand));
    reply = await sweepFile(sized, got.bytes, {
      marks,
      ...sweepCase,
      onListing: catalog.add,
    });
  } catch (err) {
    if (!(err instanceof DownloadError)) throw err;
    deps.log.warn(`teams sweep download failed: ${err.message}`);
    await say(turn, `I could not download ${name}: ${err.message}.`);
    return true;
  }
  if (!reply.ok) {
    await say(turn, reply.text);
    return true;
  }
  let text = reply.text;
  if (catalog.listings.length > 0) {
    catalog.partial ||= reply.result.stoppedEarly !== undefined;
    await catalogsFor(deps).save(conversation, catalog, name, deps.clock.now());
    text += `\n\n${catalogSaved(catalog.listings.length, catalog.partial)}`;
  }
  if (reply.result.findings.length > 0) text += `\n\n${FULL_CSV}`;
  for (const m of sweepCards(text, name)) await turn.send(m);
  return true;
}
