import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import {
  claimStore,
  StoreInUseError,
  type StoreOwnership,
} from '../../../src/adapters/storage/store-owner.js';
import { tempDir } from '../../helpers/temp-dir.js';

// The owner lock of an SQLite file (src/adapters/storage/store-owner.ts) in one process: the rules that decide
// between "refuse" and "take over", on locks planted as another process would leave them. The same with
// real processes is in test/cli/store-owner.test.ts.

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/;

async function storeIn(label: string): Promise<{ dir: string; file: string; describe: string }> {
  const dir = await tempDir(label);
  const file = join(dir, 'cases.sqlite');
  return { dir, file, describe: `sqlite://${file}` };
}

/** A lock as another process leaves it: the lock folder (heartbeat `agoMs` ago) and its owner file. */
async function plantLock(
  file: string,
  owner: { pid: number; host?: string; mode?: string } | undefined,
  agoMs = 0,
): Promise<void> {
  await mkdir(`${file}.lock`);
  const at = new Date(Date.now() - agoMs);
  await utimes(`${file}.lock`, at, at);
  if (owner)
    await writeFile(
      `${file}.owner`,
      JSON.stringify({
        pid: owner.pid,
        host: owner.host ?? hostname(),
        user: 'maria',
        mode: owner.mode ?? 'slack',
        since: '2026-11-28T09:00:00.000Z',
      }),
    );
}

/** The pid of a process that has exited (not reused this soon). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.once('close', r));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

async function claim(
  file: string,
  describe: string,
  opts: Parameters<typeof claimStore>[3] = {},
): Promise<StoreOwnership> {
  const o = await claimStore(file, describe, 'terminal', { note: () => {}, ...opts });
  onTestFinished(() => o.release());
  return o;
}

async function refusal(p: Promise<unknown>): Promise<StoreInUseError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreInUseError);
  return err as StoreInUseError;
}

describe('the owner lock of an SQLite store', () => {
  it('records who owns it, refuses a second claim naming them, and frees the file on release', async () => {
    const { dir, file, describe } = await storeIn('owner-basic');
    const first = await claim(file, describe);
    const info = JSON.parse(await readFile(`${file}.owner`, 'utf8'));
    expect(info).toEqual({
      pid: process.pid,
      host: hostname(),
      user: expect.any(String),
      mode: 'terminal',
      since: expect.stringMatching(ISO),
    });
    // In this very process too: its own live lock is never mistaken for a dead one.
    const err = await refusal(claimStore(file, describe, 'slack'));
    expect(err.code).toBe('store_unavailable');
    expect(err.message).toContain(`the case store ${describe} is in use by another ipcheck`);
    expect(err.message).toContain(
      `pid ${process.pid} running the terminal chat (npm start) since ${info.since}`,
    );
    expect(err.message).toContain('IPCHECK_STORE_URL=redis://');
    await first.release();
    expect(await readdir(dir)).toEqual([]);
    const again = await claim(file, describe);
    await again.release();
    await again.release();
  });

  it('shares one lock between two names of the same file (a symlinked folder)', async () => {
    const { dir, file, describe } = await storeIn('owner-symlink');
    await symlink(dir, `${dir}-link`);
    onTestFinished(() => rm(`${dir}-link`));
    await claim(file, describe);
    await refusal(claimStore(join(`${dir}-link`, 'cases.sqlite'), 'sqlite://link', 'teams'));
  });

  it('refuses a fresh lock of a running process on this host, naming pid, mode, since and user', async () => {
    const { file, describe } = await storeIn('owner-live');
    await plantLock(file, { pid: process.ppid, mode: 'slack+teams' });
    const err = await refusal(claim(file, describe));
    expect(err.message).toContain(
      `pid ${process.ppid} running the Slack app and the Teams bot since 2026-11-28T09:00:00.000Z (user maria)`,
    );
    expect(err.message).toContain(`kill ${process.ppid}`);
    expect(err.owner?.pid).toBe(process.ppid);
  });

  it('takes over at once a lock whose owner on this host is no longer running (kill -9), and says so', async () => {
    const { file, describe } = await storeIn('owner-dead');
    const pid = await deadPid();
    await plantLock(file, { pid, mode: 'teams' }, 5_000);
    const notes: string[] = [];
    const started = Date.now();
    await claim(file, describe, { note: (l) => notes.push(l) });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(notes).toEqual([
      `took over the case store ${describe} from pid ${pid} (the Teams bot, since 2026-11-28T09:00:00.000Z), which is no longer running`,
    ]);
    expect(JSON.parse(await readFile(`${file}.owner`, 'utf8')).pid).toBe(process.pid);
  });

  it('waits for the heartbeat of a dead owner to stop before taking its lock (killed just now)', async () => {
    const { file, describe } = await storeIn('owner-just-dead');
    await plantLock(file, { pid: await deadPid() });
    const started = Date.now();
    await claim(file, describe);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(2_000);
    expect(waited).toBeLessThan(5_000);
  });

  it('never takes a lock that is still heartbeating, whatever pid its owner file names', async () => {
    // A pid from another pid namespace (a container) may look dead from here; the heartbeat says otherwise.
    const { file, describe } = await storeIn('owner-beating');
    await plantLock(file, { pid: await deadPid() });
    const beat = setInterval(() => {
      const now = new Date();
      void utimes(`${file}.lock`, now, now).catch(() => {});
    }, 500);
    onTestFinished(() => clearInterval(beat));
    const err = await refusal(claim(file, describe));
    expect(err.message).toContain('is in use by another ipcheck');
  });

  it('a lock from another host: refused while fresh, taken once its heartbeat is older than 10 s', async () => {
    const { file, describe } = await storeIn('owner-remote');
    await plantLock(file, { pid: process.ppid, host: 'bot-container' }, 3_000);
    const err = await refusal(claim(file, describe));
    expect(err.message).toContain('(user maria, on host bot-container)');
    expect(err.message).toContain(
      'A lock left by a process that was killed lapses 10 s after its last heartbeat (this one',
    );
    const old = new Date(Date.now() - 11_000);
    await utimes(`${file}.lock`, old, old);
    const notes: string[] = [];
    await claim(file, describe, { note: (l) => notes.push(l) });
    expect(notes).toEqual([
      `took over the case store ${describe} from pid ${process.ppid} (the Slack app, since 2026-11-28T09:00:00.000Z, on host bot-container), whose lock had lapsed (no heartbeat for over 10 s)`,
    ]);
  });

  it('a lock with no owner file (killed before writing it) is refused until it goes stale', async () => {
    const { file, describe } = await storeIn('owner-anonymous');
    await plantLock(file, undefined, 1_000);
    const err = await refusal(claim(file, describe));
    expect(err.message).toContain(
      `a process that has not recorded itself (${file}.owner is missing or unreadable)`,
    );
    const old = new Date(Date.now() - 11_000);
    await utimes(`${file}.lock`, old, old);
    await claim(file, describe);
  });

  it('an owner file left without its lock (the owner died by a signal) is simply replaced', async () => {
    const { file, describe } = await storeIn('owner-leftover');
    await plantLock(file, { pid: await deadPid() });
    await rm(`${file}.lock`, { recursive: true });
    const notes: string[] = [];
    const started = Date.now();
    await claim(file, describe, { note: (l) => notes.push(l) });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(notes).toEqual([]);
    expect(JSON.parse(await readFile(`${file}.owner`, 'utf8')).pid).toBe(process.pid);
  });

  it('tells the owner when its lock is gone (the folder removed under it)', async () => {
    const { file, describe } = await storeIn('owner-lost');
    let lost: string | undefined;
    const o = await claim(file, describe, { onLost: (m) => (lost = m) });
    await rm(`${file}.lock`, { recursive: true });
    await expect
      .poll(() => lost, { timeout: 5_000 })
      .toContain(`lost the owner lock of the case store ${describe}`);
    // Whoever takes the store next keeps its lock and owner file: the lost owner's release leaves them alone.
    const next = await claim(file, describe);
    await o.release();
    expect(JSON.parse(await readFile(`${file}.owner`, 'utf8')).pid).toBe(process.pid);
    // ...and this process still knows it holds the new lock: a third claim is refused at once.
    const started = Date.now();
    await refusal(claimStore(file, describe, 'sweep'));
    expect(Date.now() - started).toBeLessThan(1_500);
    await next.release();
  });
});

describe('LocalKv.sqlite with the owner lock', () => {
  it('an owner holds the file until closed; a read-only open reads beside it and refuses every write', async () => {
    const { dir, file, describe } = await storeIn('owner-kv');
    const owner = await LocalKv.sqlite(file, { owner: 'slack' });
    await owner.set('case:IPC-0001', { id: 'IPC-0001' });
    await refusal(LocalKv.sqlite(file, { owner: 'terminal' }));

    const reader = await LocalKv.sqlite(file, { readOnly: true });
    expect(await reader.get('case:IPC-0001')).toEqual({ id: 'IPC-0001' });
    for (const write of [
      () => reader.set('case:IPC-0002', {}),
      () => reader.delete('case:IPC-0001'),
      () => reader.incr('case-id'),
      () => reader.addMarker('claim:x', 1000),
    ]) {
      await expect(write()).rejects.toThrow(`the case store (${describe}) is open read-only here`);
    }
    await reader.close();
    expect(await owner.get('case:IPC-0001')).toEqual({ id: 'IPC-0001' });

    await owner.close();
    expect((await readdir(dir)).sort()).toEqual(['cases.sqlite']);
    const next = await LocalKv.sqlite(file, { owner: 'terminal' });
    await next.close();
  });

  it('a store whose first read fails gives its lock back', async () => {
    const { dir, file } = await storeIn('owner-garbage');
    await writeFile(file, 'this is not a database, just some text that is long enough '.repeat(20));
    await expect(LocalKv.sqlite(file, { owner: 'teams' })).rejects.toThrow(`sqlite://${file}`);
    expect(await readdir(dir)).toEqual(['cases.sqlite']);
  });
});
