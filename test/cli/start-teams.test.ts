import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { type FakeBotConnector, startFakeBotConnector } from '../fakes/bot-connector.js';

// `npm start` (dist/main.js) with Teams alone: one line saying where and how it listens, /api/messages
// served, SIGTERM stops it cleanly.

let connector: FakeBotConnector | undefined;
afterEach(async () => {
  await connector?.stop();
});

function startApp(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, PORT: '0', IPCHECK_STORE_URL: 'memory://', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
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
  const line = new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no start line; stderr: ${err}`)), 20_000);
    child.stdout.on('data', () => {
      if (out.includes('\n')) {
        clearTimeout(t);
        resolve(out.split('\n')[0] ?? '');
      }
    });
    void exit.then((code) => reject(new Error(`exited ${code} before starting; stderr: ${err}`)));
  });
  return { child, line, exit, err: () => err };
}

describe('npm start with Teams', () => {
  it('IPCHECK_TEAMS=1: local mode on 127.0.0.1, serves /api/messages, stops on SIGTERM', {
    timeout: 60_000,
  }, async () => {
    connector = await startFakeBotConnector();
    const app = startApp({ IPCHECK_TEAMS: '1' });
    const line = await app.line;
    expect(line).toMatch(
      /^ipcheck: Teams bot on http:\/\/127\.0\.0\.1:\d+\/api\/messages, local mode .*; no legal channel \(set IPCHECK_TEAMS_LEGAL_CHANNEL\); store memory:\/\/$/,
    );
    const base = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] as string;
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok');
    const r = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'm1',
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        text: 'ipcheck help',
        from: { id: '29:u', name: 'U' },
        recipient: { id: '28:bot', name: 'ipcheck' },
        conversation: { id: 'a:chat', tenantId: 't1', conversationType: 'personal' },
      }),
    });
    expect(r.status).toBe(200);
    // The answer comes first; the reply follows through the conversation reference.
    expect(JSON.stringify(await connector.waitFor('a:chat', 1))).toContain(
      'ipcheck list shows the open cases',
    );
    app.child.kill('SIGTERM');
    expect(await app.exit).toBe(0);
  });

  it('a bad MicrosoftAppId stops it at startup, naming the variable', { timeout: 60_000 }, async () => {
    const app = startApp({ MicrosoftAppId: 'nope' });
    await expect(app.line).rejects.toThrow(/exited 1/);
    expect(app.err()).toContain('MicrosoftAppId is not valid: expected the bot');
  });

  it('local mode on an address other machines reach (HOST=0.0.0.0) stops at startup, saying why', {
    timeout: 60_000,
  }, async () => {
    const app = startApp({ IPCHECK_TEAMS: '1', HOST: '0.0.0.0' });
    await expect(app.line).rejects.toThrow(/exited 1/);
    expect(app.err()).toContain('local mode) accepts unsigned Teams requests');
    expect(app.err()).toContain('HOST=127.0.0.1');
  });
});
