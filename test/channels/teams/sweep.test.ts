import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowedDownload } from '../../../src/channels/teams/file-download.js';
import { CARD_CONTENT_TYPE, MAX_CARD_BYTES } from '../../../src/channels/teams/render-cards.js';
import { FILE_DOWNLOAD_INFO, SEND_IN_CHAT } from '../../../src/channels/teams/sweep.js';
import { encodeGbk } from '../../helpers/gbk.js';
import { activity, CHAT, startTeamsHarness, TENANT, type TeamsHarness, visible } from './harness.js';

// A file sent to the bot in Teams, end to end: a real activity with a file.download.info attachment is
// posted to /api/messages; its downloadUrl points at a loopback server standing in for SharePoint, which
// records every request (and whether any Authorization header came with it).

const LISTINGS =
  'Product ID,Title,Description\n' +
  '1005006000000001,N.I.K.E running shoes,\n' +
  '1005006000000002,Phone case for iPhone 15,\n' +
  '1005006000000003,Plain mug,Mickey Mouse print\n' +
  '1005006000000004,Acmeco garden hose,\n' +
  '1005006000000005,Steel bottle,\n';

interface FileHost {
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  stop(): Promise<void>;
}

/** A loopback file server: `/big.csv` claims 300 MB, every other path serves its file (404 if none). */
async function startFileHost(files: Record<string, Uint8Array | string>): Promise<FileHost> {
  const requests: FileHost['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, headers: req.headers });
    if (path === '/big.csv') {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(300 * 1024 * 1024) });
      res.write('Product ID,Title\n');
      return;
    }
    const body = files[path];
    if (body === undefined) return void res.writeHead(404).end('no such file');
    res
      .writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': Buffer.byteLength(body),
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let h: TeamsHarness;
let files: FileHost;
beforeEach(async () => {
  h = await startTeamsHarness();
  files = await startFileHost({
    '/listings.csv': LISTINGS,
    '/gbk.csv': encodeGbk('商品ID,标题\r\n1005006000000009,耐克运动鞋\r\n'),
  });
});
afterEach(async () => {
  await h.stop();
  await files.stop();
});

/** The seller sends a file to the bot, as Teams posts it from a 1:1 chat (or `conversation`). */
function sendFile(name: string, downloadUrl: string, o: { conversation?: string; text?: string } = {}) {
  return h.post(
    activity(h.connector.serviceUrl, {
      ...(o.conversation ? { conversation: o.conversation } : {}),
      text: o.text ?? '',
      attachments: [
        {
          contentType: FILE_DOWNLOAD_INFO,
          contentUrl: 'https://contoso-my.sharepoint.com/personal/sam/Documents/Microsoft Teams Chat Files/x',
          name,
          content: { downloadUrl, uniqueId: '6f3c1b1e-0000-4000-8000-000000000001', fileType: 'csv' },
        },
      ],
    }),
  );
}

const chatText = (conversation = CHAT) => h.connector.messages(conversation).map(visible).join('\n---\n');

describe('Teams: a listing export sent to the bot in a 1:1 chat', () => {
  it('is downloaded without any token, swept, and answered with findings cards under the size limit', async () => {
    expect(await sendFile('listings.csv', `${files.url}/listings.csv`)).toBe(200);
    expect(files.requests.map((r) => r.path)).toEqual(['/listings.csv']);
    expect(files.requests[0]?.headers.authorization).toBeUndefined();

    const text = chatText();
    expect(text).toContain(
      `Sweeping listings.csv (${LISTINGS.length} bytes): every listing against 279 watched marks…`,
    );
    expect(text).toContain('Store sweep: 3 of 5 listings carry a watched mark');
    expect(text).toMatch(/Nike: 1 high/);
    expect(text).toContain('1005006000000001');
    expect(text).toContain('Delete AliExpress listing 1005006000000001');
    expect(text).toContain('ipcheck sweep FILE --out findings.csv');
    expect(text).toContain("Saved as your team's catalog (5 listings)");
    const cards = h.connector.messages(CHAT).filter((m) => m.attachments?.length);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(c.attachments?.[0]?.contentType).toBe(CARD_CONTENT_TYPE);
      expect(Buffer.byteLength(JSON.stringify(c), 'utf8')).toBeLessThan(MAX_CARD_BYTES);
    }
    // Titles are data: shown as TextRuns, never as markdown TextBlocks.
    expect(JSON.stringify(cards)).toContain('"type":"TextRun","text":"row 2 · 1005006000000001');
  });

  it('reads a GBK export', async () => {
    expect(await sendFile('商品导出.csv', `${files.url}/gbk.csv`)).toBe(200);
    const text = chatText();
    expect(text).toContain('Read as GBK');
    expect(text).toContain('耐克运动鞋');
  });

  it('a file sent while a case is open uses the case’s brand and, in a court case, deletes nothing', async () => {
    expect(await h.say('ipcheck 1005006123456789 court order (TRO) from Acmeco, their logo is on it')).toBe(
      200,
    );
    const rec = await h.stores.cases.byConversation(`teams:${TENANT}:${CHAT}`);
    expect(rec?.state.details.brand).toBe('Acmeco');
    await sendFile('listings.csv', `${files.url}/listings.csv`);
    const text = chatText();
    expect(text).toContain('and the complaint’s brand "Acmeco"…');
    expect(text).toContain('Acmeco (the complaint’s brand): 1 high');
    expect(rec?.state.facts.notice).toBe('court_or_tro');
    expect(text).toContain('delete nothing');
    expect(text).not.toContain('Delete AliExpress listing');
  });

  it('refuses a download address that is not SharePoint, and never fetches it', async () => {
    // Loopback with a user name: it would reach the file host if it were allowed.
    const sneaky = `${files.url.replace('http://', 'http://user:pw@')}/listings.csv`;
    await sendFile('listings.csv', sneaky);
    await sendFile('other.csv', 'https://files.example.com/listings.csv');
    expect(files.requests).toHaveLength(0);
    const text = chatText();
    expect(text).toContain('I could not download listings.csv: its download address is not on SharePoint');
    expect(text).toContain(
      'I could not download other.csv: its download address is not on SharePoint (files.example.com), so I did not fetch it.',
    );
    expect(text).not.toContain('Store sweep:');
  });

  it('refuses an oversized file from its size, without reading it', async () => {
    await sendFile('big.csv', `${files.url}/big.csv`);
    expect(chatText()).toContain('big.csv is 300 MB; the most I take in a chat is 200 MB');
    expect(chatText()).not.toContain('Store sweep:');
  });

  it('says what happened when the link has expired', async () => {
    await sendFile('gone.csv', `${files.url}/gone.csv`);
    expect(chatText()).toContain('I could not download gone.csv: SharePoint answered 404 to the download');
  });

  it('answers a spreadsheet with how to save it as CSV, without downloading it', async () => {
    await sendFile('listings.xlsx', `${files.url}/listings.csv`);
    expect(chatText()).toContain('That is a spreadsheet, not a CSV');
    expect(files.requests).toHaveLength(0);
  });
});

describe('Teams: a file shared in a channel', () => {
  it('gets the how-to answer (a bot cannot open channel files without Graph)', async () => {
    const thread = '19:general0001@thread.tacv2;messageid=1700000000001';
    const status = await h.post(
      activity(h.connector.serviceUrl, {
        conversation: thread,
        text: '<at>ipcheck</at> sweep this',
        entities: [{ type: 'mention', mentioned: { id: 'bot' }, text: '<at>ipcheck</at>' }],
        attachments: [
          {
            contentType: 'text/html',
            content:
              '<p><at id="0">ipcheck</at> sweep this</p><p><a href="https://contoso.sharepoint.com/sites/Sales/Shared%20Documents/General/listings.csv">listings.csv</a></p>',
          },
        ],
      }),
    );
    expect(status).toBe(200);
    expect(chatText(thread)).toContain(SEND_IN_CHAT);
    expect(files.requests).toHaveLength(0);
  });
});

describe('Teams: the swept export becomes the tenant’s catalog', () => {
  it('a new Teams case’s "is the listing yours?" question carries the catalog hint', async () => {
    await sendFile('listings.csv', `${files.url}/listings.csv`);
    expect(chatText()).toContain("Saved as your team's catalog (5 listings)");
    // Another chat of the same tenant: the catalog is the tenant's, not one chat's.
    const other = 'a:personal-chat-other';
    expect(await h.say('ipcheck 1005006000000001', { conversation: other })).toBe(200);
    expect(await h.press('A platform IP complaint or warning', { conversation: other })).toBe(200);
    const text = chatText(other);
    expect(text).toContain('Is the reported listing really yours?');
    expect(text).toContain(
      'In your catalog: 1005006000000001 is "N.I.K.E running shoes"; its title carries Nike.',
    );
  });
});

describe('which download addresses are fetched', () => {
  it('only https SharePoint hosts, and loopback in local mode', () => {
    const ok = (u: string, local = false) => allowedDownload(u, local)?.href;
    expect(ok('https://contoso.sharepoint.com/_layouts/15/download.aspx?x=1')).toBeDefined();
    expect(ok('https://contoso-my.sharepoint.com/personal/sam/_layouts/15/download.aspx')).toBeDefined();
    expect(ok('https://msft.sharepoint-df.com/x')).toBeDefined();
    // Not https, another host that only looks like SharePoint, credentials, an odd port.
    expect(ok('http://contoso.sharepoint.com/x')).toBeUndefined();
    expect(ok('https://contoso.sharepoint.com.evil.example/x')).toBeUndefined();
    expect(ok('https://sharepoint.com/x')).toBeUndefined();
    expect(ok('https://evilsharepoint.com/x')).toBeUndefined();
    expect(ok('https://user@contoso.sharepoint.com/x')).toBeUndefined();
    expect(ok('https://contoso.sharepoint.com:8443/x')).toBeUndefined();
    expect(ok('file:///etc/passwd')).toBeUndefined();
    expect(ok('not a url')).toBeUndefined();
    // Loopback only in local mode (no app id), and only loopback.
    expect(ok('http://127.0.0.1:3978/x.csv')).toBeUndefined();
    expect(ok('http://127.0.0.1:3978/x.csv', true)).toBeDefined();
    expect(ok('http://localhost:3978/x.csv', true)).toBeDefined();
    expect(ok('http://10.0.0.5/x.csv', true)).toBeUndefined();
    expect(ok('http://169.254.169.254/latest/meta-data', true)).toBeUndefined();
  });
});
