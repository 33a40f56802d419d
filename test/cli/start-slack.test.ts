import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { postToBolt, slashCommandBody, slashCommandPayload } from '../fakes/slack-signing.js';
import { fakeEnvelopeId, slashCommandEnvelope, startFakeSocketMode } from '../fakes/socket-mode-server.js';

const SECRET = 'start-test-signing-secret-0001';
const TOKEN = 'xoxb-start-test';

const temps: string[] = [];
afterAll(async () => {
  for (const d of temps) await rm(d, { recursive: true, force: true });
});

interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  line: string;
  out: () => string;
  exit: Promise<number | null>;
}

/** `npm start` (dist/main.js) in HTTP mode against the fake Web API; resolves once it says it runs. */
async function startApp(api: FakeSlackApi, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.url,
      PORT: '0',
      HOST: '127.0.0.1',
      IPCHECK_STORE_URL: 'memory://',
      ...env,
    },
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
  const exit = new Promise<number | null>((resolve) => child.once('close', resolve));
  const line = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no start line; stderr: ${err}`)), 15_000);
    child.stdout.on('data', () => {
      if (out.includes('\n')) {
        clearTimeout(t);
        resolve(out.split('\n')[0] ?? '');
      }
    });
    void exit.then((code) => reject(new Error(`exited ${code} before starting; stderr: ${err}`)));
  });
  const url = /(http:\/\/127\.0\.0\.1:\d+\/slack\/events)/.exec(line)?.[1] as string;
  return { child, url, line, out: () => out + err, exit };
}

describe('npm start with Slack variables', () => {
  it('starts in HTTP mode, says so in one line, serves signed requests, and stops cleanly on SIGTERM', async () => {
    const api = await startFakeSlackApi();
    const app = await startApp(api);
    expect(app.line).toMatch(
      /^ipcheck: Slack app running in HTTP mode on http:\/\/127\.0\.0\.1:\d+\/slack\/events; store memory:\/\/; no legal channel \(set IPCHECK_LEGAL_CHANNEL\)$/,
    );
    const health = await fetch(app.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    const r = await postToBolt(app.url, {
      secret: SECRET,
      body: slashCommandBody({ text: 'help', response_url: api.responseUrl() }),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(200);
    await api.waitFor('response_url', 5000);
    app.child.kill('SIGTERM');
    expect(await app.exit).toBe(0);
    expect(app.out()).not.toContain(TOKEN);
    expect(app.out()).not.toContain(SECRET);
    await api.close();
  });

  it('survives a signed request whose body is null (400) and keeps serving', async () => {
    const api = await startFakeSlackApi();
    const app = await startApp(api);
    for (const [body, contentType] of [
      ['null', 'json'],
      ['payload=null', 'form'],
    ] as const) {
      const r = await postToBolt(app.url, { secret: SECRET, body, contentType, timeoutMs: 5000 });
      expect(r.status).toBe(400);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(app.child.exitCode).toBeNull();
    expect((await fetch(app.url.replace('/slack/events', '/healthz'))).status).toBe(200);
    app.child.kill('SIGTERM');
    expect(await app.exit).toBe(0);
    await api.close();
  });

  it('on SIGTERM stops taking requests but finishes the running one before closing the store', async () => {
    const api = await startFakeSlackApi();
    const dir = await mkdtemp(join(tmpdir(), 'ipcheck-drain-'));
    temps.push(dir);
    // A real file store: once it is closed, a write fails (a memory store would hide an early close).
    const app = await startApp(api, { IPCHECK_STORE_URL: `sqlite://${join(dir, 'cases.sqlite')}` });
    await api.waitFor('auth.test');
    // The case message post takes 1.5 s: the signal arrives while the command is being worked on.
    api.failNext('chat.postMessage', { delayMs: 1500 });
    const r = await postToBolt(app.url, {
      secret: SECRET,
      body: slashCommandBody({
        text: 'B0C1234567 trademark complaint',
        channel_id: 'C0SELLERS',
        response_url: api.responseUrl(),
      }),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(200);
    await api.waitFor('chat.postMessage', 5000);
    app.child.kill('SIGTERM');
    // New requests are refused from now on (the port is closed)…
    await new Promise((res) => setTimeout(res, 300));
    await expect(fetch(app.url.replace('/slack/events', '/healthz'))).rejects.toThrow();
    expect(await app.exit).toBe(0);
    // …but the running command finished: the case was opened and its message updated in place.
    expect(api.callsTo('chat.update').map((c) => String(c.args.text))).toEqual([
      expect.stringMatching(/^IPC-0001: IP case for Amazon B0C1234567/),
    ]);
    expect(app.out()).toMatch(/stopping; finishing 1 running request\(s\) first/);
    expect(app.out()).not.toMatch(/store.*closed|failed/i);
    await api.close();
  });

  it('fails at startup naming a missing variable', async () => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-x' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).toBe(1);
    expect(err.trim()).toMatch(/^ipcheck: SLACK_SIGNING_SECRET is missing/);
    expect(err).not.toContain('xoxb-x');
  });
});

/** Runs `node -e` against the built modules and collects its output. */
function runScript(script: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('process guards (the last line of defence)', () => {
  const install = `
    import { installProcessGuards } from './dist/channels/shared/process-guard.js';
    installProcessGuards((l) => process.stderr.write(l + '\\n'), async (code) => {
      await new Promise((r) => setTimeout(r, 50));
      console.log('drained, exiting ' + code);
      process.exit(code);
    });`;

  it('logs an unhandled rejection, scrubbed, and keeps running', async () => {
    const r = await runScript(`${install}
      Promise.reject(new Error('call failed with xoxb-1234-secret-token'));
      setTimeout(() => console.log('still alive'), 100);`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('unhandled promise rejection was logged and ignored (still serving)');
    expect(r.out).toContain('[redacted]');
    expect(r.out).not.toContain('xoxb-1234');
    expect(r.out).toContain('still alive');
  });

  it('on an uncaught exception logs it scrubbed, shuts down cleanly and exits 1', async () => {
    const r = await runScript(`${install}
      setTimeout(() => { throw new Error('boom with xapp-1-A1-secret'); }, 10);
      setTimeout(() => console.log('should not get here'), 2000);`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('uncaught exception; finishing running work, then exiting');
    expect(r.out).toContain('drained, exiting 1');
    expect(r.out).not.toContain('xapp-1-A1');
    expect(r.out).not.toContain('should not get here');
  });
});

describe('npm start in Socket Mode', () => {
  it('survives a payload that makes the Socket Mode client throw, logs it scrubbed, and keeps serving', async () => {
    const api = await startFakeSlackApi();
    const sm = await startFakeSocketMode();
    api.socketUrl = sm.url;
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_APP_TOKEN: 'xapp-1-start-test',
        SLACK_API_URL: api.url,
        IPCHECK_STORE_URL: 'memory://',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exit = new Promise<number | null>((resolve) => child.once('close', resolve));
    // A loaded machine can take seconds to start the process: the waits are generous, never the assertions.
    await sm.waitForConnection(20_000);
    // An events_api envelope whose payload is null: the Socket Mode client reads it outside any try.
    await sm
      .send(
        {
          type: 'events_api',
          envelope_id: fakeEnvelopeId(),
          payload: null,
          accepts_response_payload: false,
        } as never,
        { timeoutMs: 1000 },
      )
      .catch(() => {});
    const logged = 'unhandled promise rejection was logged and ignored (still serving)';
    for (let waited = 0; !out.includes(logged) && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    expect(child.exitCode).toBeNull();
    expect(out).toContain(logged);
    // Still serving: a slash command is acked and answered.
    const ack = await sm.send(
      slashCommandEnvelope(slashCommandPayload({ text: 'help', response_url: api.responseUrl() })),
      { timeoutMs: 10_000 },
    );
    expect(ack.payload ?? {}).toEqual({});
    await api.waitFor('response_url', 15_000);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain('xapp-1-start-test');
    await sm.close();
    await api.close();
  });
});

describe('a store ipcheck cannot write to', () => {
  // Root writes anywhere: run the app as an unprivileged user then, as a real deployment would.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  async function start(storeUrl: string): Promise<{ code: number | null; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
        cwd: PROJECT_ROOT,
        env: {
          PATH: process.env.PATH,
          SLACK_BOT_TOKEN: TOKEN,
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: 'http://127.0.0.1:1/api/',
          PORT: '0',
          HOST: '127.0.0.1',
          IPCHECK_STORE_URL: storeUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...asUser,
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, err }));
    });
  }

  it('fails at startup naming the store when the SQLite file is read-only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipcheck-ro-'));
    temps.push(dir);
    const file = join(dir, 'cases.sqlite');
    // A real SQLite file the app can read but not write.
    const { LocalKv } = await import('../../src/adapters/storage/local-kv.js');
    const kv = await LocalKv.sqlite(file);
    await kv.set('x', 1);
    await kv.close();
    await chmod(file, 0o444);
    await chmod(dir, 0o555);
    const r = await start(`sqlite://${file}`);
    await chmod(dir, 0o755);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`sqlite://${file}`);
    expect(r.err).toMatch(/not writable|read-only|readonly/i);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('fails at startup naming the store when its folder cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipcheck-ro-'));
    temps.push(dir);
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await writeFile(join(dir, 'readme'), 'the folder below is not writable');
    await chmod(locked, 0o555);
    const file = join(locked, 'cases.sqlite');
    const r = await start(`sqlite://${file}`);
    await chmod(locked, 0o755);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`sqlite://${file}`);
    expect(r.err).toMatch(/not writable|cannot|unable to open/i);
  });
});
