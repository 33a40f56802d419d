import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../src/boot/clock.js';
import { formatCaseId } from '../../src/domain/model/case-record.js';
import { buttons, eventually, sleep } from '../channels/slack/harness.js';
import { type FakeSlackApi, startFakeSlackApi, visibleText } from '../fakes/slack-api.js';
import { postToBolt, slashCommandBody } from '../fakes/slack-signing.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';
import { PROCESS_SECRET, type SlackProcess, startSlackProcess } from '../helpers/slack-process.js';
import { tempDir } from '../helpers/temp-dir.js';

// kill -9 while eight cases are being opened at once, at varied moments, then a restart on the same store
// and `/ipcheck` again for each listing (what the README tells a seller to do). Whatever step each opening
// had reached, afterwards every listing has exactly one case: one case message, in the open index and on
// `list`, with the seller's first words applied and its listing pointer in place. On a real SQLite file and
// on a real redis-server, with the real built app killed for real.

const CHANNEL = 'C0SELLERS';
const SELLER = 'U0SELLER';
const TEAM = 'T0001';
const FORM = 'application/x-www-form-urlencoded';
const WORDS = 'trademark complaint, their logo is on it';
const AT_ONCE = 8;

/** Eight ASINs per round, unique across rounds (B0 + 8 characters). */
const listingsFor = (round: number) => Array.from({ length: AT_ONCE }, (_, i) => `B0K${round}${i}00000`);

function command(app: SlackProcess, api: FakeSlackApi, text: string, replyTo: string) {
  return postToBolt(app.url, {
    secret: PROCESS_SECRET,
    body: slashCommandBody({
      text,
      user_id: SELLER,
      channel_id: CHANNEL,
      response_url: api.responseUrl(replyTo),
    }),
    contentType: FORM,
    timeoutMs: 20_000,
  });
}

/** The replies to one response_url id, as text. */
const repliesTo = (api: FakeSlackApi, id: string) =>
  api.responses.filter((r) => r.id === id).map((r) => String(r.body.text ?? ''));

/** The top-level messages about a listing (its case message, and any second one). */
function caseMessages(api: FakeSlackApi, asin: string) {
  return api.messagesIn(CHANNEL, { topLevelOnly: true }).filter((m) => visibleText(m).includes(asin));
}

/**
 * `/ipcheck <text>` as a person would run it after the restart: when it says the case "is being opened
 * right now" (a lease of the killed process not yet taken over), again a moment later. Done when it
 * answered privately or `shown` (a fresh opening answers nothing: its case message shows the case id).
 */
async function untilNotBusy(
  app: SlackProcess,
  api: FakeSlackApi,
  text: string,
  tag: string,
  shown: () => boolean = () => false,
): Promise<string[]> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const id = `${tag}-${attempt}`;
    // Shown already (the killed process got that far): only a private answer says this try is done.
    const before = shown();
    expect((await command(app, api, text, id)).status).toBe(200);
    await eventually(() => expect(repliesTo(api, id).length > 0 || (!before && shown())).toBe(true), 20_000);
    const replies = repliesTo(api, id);
    if (!replies.some((t) => t.includes('being opened right now'))) return replies;
    await sleep(1000);
  }
  throw new Error(`${tag}: still "being opened right now" after 40 tries`);
}

/** When the process is killed: once the burst made `calls` Slack calls, and `ms` later. */
interface Moment {
  calls: number;
  ms: number;
}

async function killedWhileOpening(
  api: FakeSlackApi,
  env: Record<string, string>,
  round: number,
  at: Moment,
): Promise<void> {
  const asins = listingsFor(round);
  let app = await startSlackProcess(api, env);
  // A warm process (its first request pays for loading code and connecting), as in production.
  const warm = `B0W${round}000000`;
  await untilNotBusy(app, api, warm, `${warm}-warm`, () =>
    caseMessages(api, warm).some((m) => /^IPC-\d+: /.test(m.text ?? '')),
  );
  // Slack answering in ~80 ms, as it does: an opening (two posts and an update) takes a while.
  api.latencyMs = 80;
  const base = api.calls.length;
  // Every command is acked first (Slack's 3 seconds), then worked on: the kill comes while that work runs,
  // at a moment given by how far the burst got (machine speed varies too much for fixed times alone).
  const acks = await Promise.all(asins.map((a) => command(app, api, `${a} ${WORDS}`, `${a}-first`)));
  expect(acks.map((r) => r.status)).toEqual(asins.map(() => 200));
  await eventually(() => expect(api.calls.length - base).toBeGreaterThanOrEqual(at.calls), 30_000);
  await sleep(at.ms);
  app.child.kill('SIGKILL');
  expect((await app.exit).signal).toBe('SIGKILL');
  api.latencyMs = 0;

  app = await startSlackProcess(api, env);
  await Promise.all(
    asins.map((a) =>
      untilNotBusy(app, api, `${a} ${WORDS}`, `${a}-again`, () =>
        caseMessages(api, a).some((m) => /^IPC-\d+: /.test(m.text ?? '')),
      ),
    ),
  );
  for (const a of asins) {
    // Finished: the case message names its case, and the thread asks the first question.
    await eventually(() => {
      const [root] = caseMessages(api, a);
      expect(root?.text ?? '').toMatch(/^IPC-\d+: /);
      expect(buttons(api.thread(CHANNEL, root?.ts ?? '')).length).toBeGreaterThan(0);
    }, 20_000);
  }
  // A later /ipcheck for the same listing links to its case; it never opens a second one.
  for (const a of asins) {
    expect((await untilNotBusy(app, api, a, `${a}-later`)).join(' ')).toMatch(/already open/);
  }
  app.child.kill('SIGTERM');
  expect((await app.exit).code).toBe(0);
}

/** Every listing of the rounds: one case message and one case, indexed, listed, pointed at, with its facts. */
async function expectOneWholeCaseEach(api: FakeSlackApi, url: string, rounds: number[]): Promise<void> {
  const stores = await openStores(url, fixedClock('2026-11-28T10:00:00Z'));
  try {
    const report = await stores.cases.listOpenReport();
    expect(report.unreadable).toEqual([]);
    // Every record the store holds (ids are dense enough to probe), to catch a second or orphaned case.
    const all = [];
    for (let n = 1; n <= rounds.length * AT_ONCE * 3 + 10; n++) {
      const rec = await stores.cases.get(formatCaseId(n));
      if (rec) all.push(rec);
    }
    for (const round of rounds) {
      for (const asin of listingsFor(round)) {
        const msgs = caseMessages(api, asin);
        expect(msgs, `${asin}: case messages`).toHaveLength(1);
        const records = all.filter((r) => r.state.facts.listingId === asin);
        expect(
          records.map((r) => r.id),
          `${asin}: cases`,
        ).toHaveLength(1);
        const rec = await stores.cases.openByListing('amazon', asin);
        expect(rec?.id, `${asin}: listing pointer`).toBe(records[0]?.id);
        expect(report.cases.filter((c) => c.listingId === asin).map((c) => c.id)).toEqual([rec?.id]);
        // The seller's first words were applied, not only the listing.
        expect(rec?.state.facts).toMatchObject({
          platform: 'amazon',
          listingId: asin,
          ipType: 'trademark',
          usesTheirIp: 'yes',
        });
        expect(rec?.conversations[0]).toBe(`slack:${TEAM}:${CHANNEL}:${msgs[0]?.ts}`);
        expect(msgs[0]?.text ?? '').toMatch(new RegExp(`^${rec?.id}: `));
      }
    }
  } finally {
    await stores.close();
  }
}

describe('kill -9 while cases are being opened, restart, /ipcheck again', () => {
  it('SQLite: one whole case per listing, whatever step each opening had reached', async () => {
    const api = await startFakeSlackApi();
    const file = join(await tempDir('kill-opening'), 'cases.sqlite');
    const env = { IPCHECK_STORE_URL: `sqlite://${file}` };
    const moments = [
      { calls: 0, ms: 90 },
      { calls: 7, ms: 0 },
      { calls: 14, ms: 20 },
      { calls: 22, ms: 40 },
    ];
    for (const [i, ms] of moments.entries()) await killedWhileOpening(api, env, i + 1, ms);
    await expectOneWholeCaseEach(
      api,
      `sqlite://${file}`,
      moments.map((_, i) => i + 1),
    );
    await api.close();
  }, 240_000);

  describe('Redis', () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('one whole case per listing, whatever step each opening had reached', async () => {
      const api = await startFakeSlackApi();
      const env = { IPCHECK_STORE_URL: redis.url };
      const moments = [
        { calls: 5, ms: 0 },
        { calls: 14, ms: 30 },
      ];
      for (const [i, ms] of moments.entries()) await killedWhileOpening(api, env, i + 1, ms);
      await expectOneWholeCaseEach(
        api,
        redis.url,
        moments.map((_, i) => i + 1),
      );
      await api.close();
    }, 240_000);
  });
});
