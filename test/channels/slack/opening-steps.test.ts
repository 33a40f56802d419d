import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { type Stores, storesOn } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { formatCaseId } from '../../../src/domain/model/case-record.js';
import { CrashingKv } from '../../fakes/crashing-kv.js';
import { type FakeSlackApi, visibleText } from '../../fakes/slack-api.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { buttons, CHANNEL, eventually, type SlackHarness, startHarness } from './harness.js';

// `/ipcheck <listing> <what happened>` stopped at each of its store writes in turn, on a real SQLite file:
// the process dying right there (nothing after it happens, in the store or in Slack), or the store failing
// from there on (the process carries on and says so). Then a restart on the same file and `/ipcheck` again.
// Whatever the step, the listing ends with one case message and one case: whole (the seller's first words
// applied, even when the second try names only the listing), in the open index and on `list`, found by its
// listing. The deterministic twin of the kill -9 test (test/cli/opening-kill.test.ts), which cannot choose
// its moments.

const LISTING = 'B0C1234567';
const WORDS = `${LISTING} trademark complaint, their logo is on it`;
const clock = fixedClock('2026-11-28T10:00:00Z');

const caseMessages = (api: FakeSlackApi) =>
  api.messagesIn(CHANNEL, { topLevelOnly: true }).filter((m) => visibleText(m).includes(LISTING));

/** Runs `/ipcheck` and waits until its work is over (or stopped for good, for a store that died). */
async function run(h: SlackHarness, text: string, stopped?: () => boolean): Promise<void> {
  expect(await h.command(text)).toBe(200);
  await eventually(() => expect(h.running.inFlight.size === 0 || stopped?.() === true).toBe(true), 15_000);
}

/** Every case record the file holds (a few openings: ids stay small), to catch a second or a lost case. */
async function allCases(stores: Stores) {
  const out = [];
  for (let n = 1; n <= 40; n++) {
    const rec = await stores.cases.get(formatCaseId(n));
    if (rec) out.push(rec);
  }
  return out;
}

async function stopAt(at: number, mode: 'dies' | 'fails'): Promise<number> {
  const file = join(await tempDir(`steps-${mode}-${at}`), 'cases.sqlite');
  const kv = new CrashingKv(await LocalKv.sqlite(file), at, mode);
  let stopped = false;
  void kv.stopped.then(() => {
    stopped = true;
  });
  const first = await startHarness({ stores: storesOn(kv, clock), drainMs: 50 });
  // A process that died does nothing more; one whose store failed finishes its error handling first.
  await run(first, WORDS, () => stopped && mode === 'dies');
  const writes = kv.writes;
  await first.running.stop();
  await kv.close();

  // The restart, on the same file, and `/ipcheck` again: with the listing alone when the seller can see the
  // first try's case message (its words must not be lost), else retyped whole.
  const stores = storesOn(await LocalKv.sqlite(file), clock);
  const h = await startHarness({ stores, api: first.api });
  try {
    await run(h, caseMessages(h.api).length > 0 ? LISTING : WORDS);
    const why = `stopped at write ${at} (${mode})`;
    const [root, ...more] = caseMessages(h.api);
    expect(more, `${why}: a second case message`).toEqual([]);
    const cases = (await allCases(stores)).filter((r) => r.state.facts.listingId === LISTING);
    expect(
      cases.map((c) => c.id),
      `${why}: cases of the listing`,
    ).toHaveLength(1);
    const rec = await stores.cases.openByListing('amazon', LISTING);
    expect(rec?.id, `${why}: the listing pointer`).toBe(cases[0]?.id);
    expect(rec?.state.facts, `${why}: the first words applied`).toMatchObject({
      ipType: 'trademark',
      usesTheirIp: 'yes',
    });
    const listed = (await stores.cases.listOpenReport()).cases.map((c) => c.id);
    expect(listed, `${why}: on list`).toEqual([rec?.id]);
    expect(rec?.conversations[0]).toBe(`slack:T0001:${CHANNEL}:${root?.ts}`);
    expect(root?.text ?? '', `${why}: the case message names its case`).toMatch(new RegExp(`^${rec?.id}: `));
    expect(
      buttons(h.api.thread(CHANNEL, root?.ts ?? '')).length,
      `${why}: the first question`,
    ).toBeGreaterThan(0);
    // And later: the same listing links to it, never a second case.
    const seen = h.api.responses.length;
    await run(h, LISTING);
    expect(h.api.responses.slice(seen).map((r) => String(r.body.text))).toEqual([
      expect.stringContaining(`Case *${rec?.id}* for this listing is already open`),
    ]);
    expect(caseMessages(h.api)).toHaveLength(1);
  } finally {
    await h.stop();
    await stores.close();
  }
  return writes;
}

describe('/ipcheck stopped at each store write, restarted, run again (SQLite file)', () => {
  it('every step is recoverable: one whole case per listing, whichever write the process died at', async () => {
    // How many writes a whole opening makes: every one of them is a place to stop.
    const total = await stopAt(Number.POSITIVE_INFINITY, 'dies');
    expect(total).toBeGreaterThan(8);
    for (let at = 1; at <= total; at++) await stopAt(at, 'dies');
  }, 180_000);

  it('every step is recoverable when the store fails there instead (the process carries on)', async () => {
    const total = await stopAt(Number.POSITIVE_INFINITY, 'fails');
    for (let at = 1; at <= total; at++) await stopAt(at, 'fails');
  }, 180_000);
});
