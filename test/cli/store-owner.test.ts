import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { startFakeSlackApi } from '../fakes/slack-api.js';
import { runNode } from '../helpers/run-cli.js';
import { PROCESS_SECRET, PROCESS_TOKEN, startSlackProcess } from '../helpers/slack-process.js';
import { tempDir } from '../helpers/temp-dir.js';

// One SQLite file, one owner (README, Storage): real built processes (`npm start` = dist/main.js, and the
// ipcheck CLI) on one file. A second writer is refused at startup naming the store, the owner and the way
// out; the commands that only read work beside the owner; a killed owner does not block the next start.

const COMPLAINT =
  'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product\n';
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/;

interface Owner {
  child: ChildProcessWithoutNullStreams;
  /** Its first stdout line (where it listens). */
  line: string;
  out: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** dist/main.js as a long-running process; resolves on its first stdout line, killed when the test ends. */
async function startProcess(env: Record<string, string>, stdin?: string): Promise<Owner> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exit;
  });
  if (stdin !== undefined) child.stdin.write(stdin);
  const line = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no start line; stderr: ${err}`)), 20_000);
    const check = () => {
      if (!out.includes('\n')) return;
      clearTimeout(t);
      resolve(out.split('\n')[0] ?? '');
    };
    child.stdout.on('data', check);
    void exit.then(({ code }) => {
      clearTimeout(t);
      reject(new Error(`exited ${code} before starting; stderr: ${err}`));
    });
  });
  return { child, line, out: () => out + err, exit };
}

const teamsBot = (store: string) => startProcess({ IPCHECK_TEAMS: '1', IPCHECK_STORE_URL: store });

/** What a refused second process must say: the store, the owner's pid, what it runs, since when, the way out. */
function expectRefusal(stderr: string, file: string, ownerPid: number | undefined, runs: string) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  const line = lines[0] ?? '';
  expect(line).toContain(`ipcheck: the case store sqlite://${file} is in use by another ipcheck`);
  expect(line).toContain(`pid ${ownerPid} running ${runs} since `);
  expect(line).toMatch(new RegExp(`since ${ISO.source}`));
  expect(line).toContain(`kill ${ownerPid}`);
  expect(line).toContain('IPCHECK_STORE_URL=redis://');
}

/** The store's folder: the SQLite file plus, while an owner runs, its lock and owner file. */
async function storeFiles(file: string): Promise<string[]> {
  return (await readdir(join(file, '..'))).filter((n) => n.startsWith('cases.sqlite')).sort();
}

describe('bot + terminal on one SQLite file', () => {
  it('the terminal chat is refused beside a running Teams bot; the reading commands work beside it', {
    timeout: 90_000,
  }, async () => {
    const dir = await tempDir('owner-terminal');
    const file = join(dir, 'cases.sqlite');
    const env = { IPCHECK_STORE_URL: `sqlite://${file}` };
    const bot = await teamsBot(env.IPCHECK_STORE_URL);
    expect(bot.line).toContain(`store sqlite://${file}`);

    const chat = await runNode('dist/main.js', [], COMPLAINT, env);
    expect(chat.code).toBe(1);
    expectRefusal(chat.stderr, file, bot.child.pid, 'the Teams bot');
    // Refused before reading a word: no conversation, no case.
    expect(chat.stdout).toBe('');

    // Reading beside the owner: triage (no store), sweep without --save-catalog, cases, status. And
    // --save-catalog, which writes the store: refused like the chat, before the sweep.
    const listings = join(dir, 'listings.csv');
    await writeFile(listings, 'Product ID,Title\n1005006123456789,N.I.K.E running shoes\n');
    const cli = (...args: string[]) => runNode('dist/cli/ipcheck.js', args, undefined, env);
    const [triage, sweep, cases, status, save] = await Promise.all([
      cli('triage', '--listing', 'B0C1234567'),
      cli('sweep', listings),
      cli('cases'),
      cli('status', 'IPC-0001'),
      cli('sweep', listings, '--save-catalog'),
    ]);
    expect(triage.code).toBe(0);
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toContain('Store sweep: 1 of 1 listings carry a watched mark');
    expect({ code: cases.code, stderr: cases.stderr }).toEqual({ code: 0, stderr: '' });
    expect(cases.stdout).toContain('No open cases.');
    expect(status.code).toBe(3);
    expect(status.stderr).toContain('case IPC-0001 does not exist');
    expect(save.code).toBe(1);
    expectRefusal(save.stderr, file, bot.child.pid, 'the Teams bot');
    expect(save.stdout).toBe('');

    // The owner went on serving through all of it, and leaves nothing behind when stopped.
    const base = /(http:\/\/127\.0\.0\.1:\d+)/.exec(bot.line)?.[1];
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok');
    expect(await storeFiles(file)).toEqual(['cases.sqlite', 'cases.sqlite.lock', 'cases.sqlite.owner']);
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    expect(await storeFiles(file)).toEqual(['cases.sqlite']);

    // With the bot stopped, the terminal chat opens the store.
    const after = await runNode('dist/main.js', [], `${COMPLAINT}quit\n`, env);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Case IPC-0001 is saved');
  });

  it('a Teams bot is refused beside a running terminal chat', { timeout: 90_000 }, async () => {
    const file = join(await tempDir('owner-chat'), 'cases.sqlite');
    const store = `sqlite://${file}`;
    // Interactive enough: the chat waits on its stdin, which stays open.
    const chat = await startProcess({ IPCHECK_STORE_URL: store });
    expect(chat.line).toContain('I help you handle an IP complaint');
    const bot = await runNode('dist/main.js', [], undefined, {
      IPCHECK_TEAMS: '1',
      PORT: '0',
      IPCHECK_STORE_URL: store,
    });
    expect(bot.code).toBe(1);
    expectRefusal(bot.stderr, file, chat.child.pid, 'the terminal chat (npm start)');
    chat.child.stdin.end('quit\n');
    expect((await chat.exit).code).toBe(0);
  });
});

describe('bot + bot on one SQLite file', () => {
  it('a second Slack app, or a Teams bot, is refused beside a running Slack + Teams app', {
    timeout: 90_000,
  }, async () => {
    const api = await startFakeSlackApi();
    onTestFinished(() => api.close());
    const file = join(await tempDir('owner-bots'), 'cases.sqlite');
    const env = { IPCHECK_STORE_URL: `sqlite://${file}`, IPCHECK_TEAMS: '1' };
    const first = await startSlackProcess(api, env);
    onTestFinished(async () => {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
      await first.exit;
    });
    const slack = {
      SLACK_BOT_TOKEN: PROCESS_TOKEN,
      SLACK_SIGNING_SECRET: PROCESS_SECRET,
      SLACK_API_URL: api.url,
      PORT: '0',
      HOST: '127.0.0.1',
      IPCHECK_STORE_URL: env.IPCHECK_STORE_URL,
    };
    const [secondSlack, teams] = await Promise.all([
      runNode('dist/main.js', [], undefined, slack),
      runNode('dist/main.js', [], undefined, { PORT: '0', ...env }),
    ]);
    for (const r of [secondSlack, teams]) {
      expect(r.code).toBe(1);
      expectRefusal(r.stderr, file, first.child.pid, 'the Slack app and the Teams bot');
      expect(r.stdout).toBe('');
    }
    // The refused Slack app never started: Slack saw one app (one auth.test at startup).
    expect(api.callsTo('auth.test')).toHaveLength(1);
    first.child.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);
  });
});

describe('an owner that dies', () => {
  it('kill -9 of the bot: the next start takes the store over at once, naming the dead owner', {
    timeout: 90_000,
  }, async () => {
    const file = join(await tempDir('owner-kill9'), 'cases.sqlite');
    const env = { IPCHECK_STORE_URL: `sqlite://${file}` };
    const bot = await teamsBot(env.IPCHECK_STORE_URL);
    bot.child.kill('SIGKILL');
    expect((await bot.exit).signal).toBe('SIGKILL');
    // Left behind: no process removed them.
    expect(await storeFiles(file)).toEqual(['cases.sqlite', 'cases.sqlite.lock', 'cases.sqlite.owner']);

    const started = Date.now();
    const chat = await runNode('dist/main.js', [], `${COMPLAINT}quit\n`, env);
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain('Case IPC-0001 is saved');
    expect(chat.stderr).toContain(
      `ipcheck: took over the case store sqlite://${file} from pid ${bot.child.pid} (the Teams bot, since `,
    );
    expect(chat.stderr).toContain('which is no longer running');
    // The dead bot's heartbeat stopped at the kill: the wait is a few seconds, not the 10 s stale time.
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(await storeFiles(file)).toEqual(['cases.sqlite']);

    // And a bot starts after a killed terminal chat the same way.
    const chat2 = await startProcess(env);
    chat2.child.kill('SIGKILL');
    await chat2.exit;
    const bot2 = await teamsBot(env.IPCHECK_STORE_URL);
    expect(bot2.out()).toContain(`from pid ${chat2.child.pid} (the terminal chat (npm start)`);
    bot2.child.kill('SIGTERM');
    expect((await bot2.exit).code).toBe(0);
  });

  it('a bot whose lock is removed under it stops (exit 1) rather than write beside another owner', {
    timeout: 90_000,
  }, async () => {
    const file = join(await tempDir('owner-lost'), 'cases.sqlite');
    const bot = await teamsBot(`sqlite://${file}`);
    await rm(`${file}.lock`, { recursive: true });
    const { code } = await bot.exit;
    expect(code).toBe(1);
    expect(bot.out()).toContain(`ipcheck: lost the owner lock of the case store sqlite://${file}`);
    expect(bot.out()).toContain('ipcheck: stopping');
  });
});
