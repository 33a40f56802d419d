import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { storesOn } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { sleep } from './harness.js';

// keyv deletes an expired row from SQLite only when that very key is read again, and a delivery claim
// never is: every Slack event, command and Teams activity left its row for good (9,803 after a burst of
// 12,000 requests). Expired claims are now deleted as claims are written, a bounded batch at a time, and
// at startup; claims still within their window are kept (they are what stops a retry).

const clock = fixedClock('2026-11-28T10:00:00Z');

async function claimRows(file: string): Promise<number> {
  const db = new sqlite3.Database(file);
  try {
    const row = await new Promise<{ n: number }>((resolve, reject) =>
      db.get("SELECT count(*) AS n FROM keyv WHERE key LIKE 'ipcheck:claim:%'", (err, r) =>
        err ? reject(err) : resolve(r as { n: number }),
      ),
    );
    return row.n;
  } finally {
    await new Promise((r) => db.close(r));
  }
}

/** Expired claim rows, as keyv writes them (`{"value":true,"expires":<ms>}`), in one transaction. */
async function plantExpired(file: string, n: number): Promise<void> {
  const db = new sqlite3.Database(file);
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  try {
    await run('BEGIN');
    const expired = JSON.stringify({ value: true, expires: Date.now() - 60_000 });
    for (let i = 0; i < n; i++)
      await run('INSERT INTO keyv (key, value) VALUES (?, ?)', [
        `ipcheck:claim:slack:event:old-${i}`,
        expired,
      ]);
    await run('COMMIT');
  } finally {
    await new Promise((r) => db.close(r));
  }
}

describe('expired delivery claims are deleted from an SQLite store', () => {
  it('as claims are written, a bounded batch at a time, keeping every claim still within its window', async () => {
    const file = join(await tempDir('purge'), 'cases.sqlite');
    const kv = await LocalKv.sqlite(file);
    const { claims } = storesOn(kv, clock);
    // 120 deliveries done long ago (kept 5 ms here: past their window by the time the next ones come).
    for (let i = 0; i < 120; i++) await kv.setMarker(`claim:slack:event:old-${i}`, 5);
    await sleep(20);
    // 60 recent ones, still within their window: their writes are what purges the old ones.
    for (let i = 0; i < 60; i++) {
      expect(await claims.claim(`slack:event:new-${i}`, 60_000)).toBe(true);
      await claims.complete(`slack:event:new-${i}`, 3600_000);
    }
    await kv.close(); // waits for a purge still running
    expect(await claimRows(file)).toBe(60);

    const again = await LocalKv.sqlite(file);
    const reopened = storesOn(again, clock).claims;
    // The recent ones still stop their retries.
    for (let i = 0; i < 60; i += 7) expect(await reopened.claim(`slack:event:new-${i}`, 60_000)).toBe(false);
    await again.close();
  }, 60_000);

  it('at startup, and never more than a batch of 500 per purge', async () => {
    const file = join(await tempDir('purge-start'), 'cases.sqlite');
    const kv = await LocalKv.sqlite(file);
    await kv.close();
    // 1,200 expired claim rows as a long run leaves them (written straight into the table: quicker).
    await plantExpired(file, 1200);
    const reopened = await LocalKv.sqlite(file);
    expect(await claimRows(file)).toBe(700);
    expect(await reopened.purgeExpiredClaims()).toBe(500);
    expect(await reopened.purgeExpiredClaims()).toBe(200);
    expect(await reopened.purgeExpiredClaims()).toBe(0);
    // A claim row of something else than a claim is never touched.
    expect(await reopened.get('meta:probe')).toBeDefined();
    await reopened.close();
    expect(await claimRows(file)).toBe(0);
  }, 60_000);
});
