import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/app/load-context.js';
import { startFakeSlackApi } from '../fakes/slack-api.js';
import { postToBolt, slashCommandBody } from '../fakes/slack-signing.js';

const SECRET = 'start-test-signing-secret-0001';

describe('npm start with Slack variables', () => {
  it('starts in HTTP mode, says so in one line, serves signed requests, and stops cleanly on SIGTERM', async () => {
    const api = await startFakeSlackApi();
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: 'xoxb-start-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: api.url,
        PORT: '0',
        HOST: '127.0.0.1',
        IPCHECK_STORE_URL: 'memory://',
      },
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
    const line = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no start line; stderr: ${err}`)), 15_000);
      child.stdout.on('data', () => {
        if (out.includes('\n')) {
          clearTimeout(t);
          resolve(out.split('\n')[0] ?? '');
        }
      });
    });
    expect(line).toMatch(
      /^ipcheck: Slack app running in HTTP mode on http:\/\/127\.0\.0\.1:\d+\/slack\/events; store memory:\/\/; no legal channel \(set IPCHECK_LEGAL_CHANNEL\)$/,
    );
    const url = /(http:\/\/127\.0\.0\.1:\d+\/slack\/events)/.exec(line)?.[1] as string;
    const health = await fetch(url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    const r = await postToBolt(url, {
      secret: SECRET,
      body: slashCommandBody({ text: 'help', response_url: api.responseUrl() }),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(200);
    await api.waitFor('response_url', 5000);
    const exit = new Promise<number | null>((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out + err).not.toContain('xoxb-start-test');
    expect(out + err).not.toContain(SECRET);
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
