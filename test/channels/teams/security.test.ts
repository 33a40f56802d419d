import { afterEach, describe, expect, it } from 'vitest';
import { keepSecrets, scrub, secretsOf } from '../../../src/channels/shared/logger.js';
import type { Config } from '../../../src/config.js';
import { activity, CHAT, startTeamsHarness, type TeamsHarness } from './harness.js';

let h: TeamsHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('Teams: requests are authenticated when an app id is set', () => {
  it('an unsigned request gets 401 and has no effect', async () => {
    h = await startTeamsHarness({ appId: APP_ID });
    const status = await h.post(activity(h.connector.serviceUrl, { text: 'ipcheck 1005006123456789' }));
    expect(status).toBe(401);
    expect(h.connector.requests).toEqual([]);
    expect(await h.stores.cases.listOpen()).toEqual([]);
  });

  it('a forged bearer token gets 401 and has no effect', async () => {
    h = await startTeamsHarness({ appId: APP_ID });
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"aud":"${APP_ID}"}`).toString('base64url')}.`;
    const status = await h.post(activity(h.connector.serviceUrl, { text: 'ipcheck 1005006123456789' }), {
      authorization: `Bearer ${forged}`,
    });
    expect(status).toBe(401);
    expect(h.connector.requests).toEqual([]);
    expect(await h.stores.cases.listOpen()).toEqual([]);
  });
});

describe('Teams: bad requests', () => {
  it('a body that is not JSON gets 400; a GET gets 405; neither touches anything', async () => {
    h = await startTeamsHarness();
    const bad = await fetch(h.url, {
      method: 'POST',
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect((await fetch(h.url)).status).toBe(405);
    expect(h.connector.requests).toEqual([]);
  });

  it('in local mode (no app id) an unsigned request is served', async () => {
    h = await startTeamsHarness();
    expect(await h.say('ipcheck help')).toBe(200);
    expect(h.connector.messages(CHAT).length).toBe(1);
  });
});

describe('Teams: tokens never reach a log line', () => {
  it('scrubs bearer tokens and JWTs', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl';
    const line = scrub(`POST failed: Authorization: Bearer ${jwt}; token ${jwt}`);
    expect(line).not.toContain('eyJ');
    expect(line).toContain('[redacted]');
  });
});

describe('Teams: secrets never reach stderr or a log line', () => {
  it('a refused request (401) prints no raw error or token: one scrubbed log line', async () => {
    h = await startTeamsHarness({ appId: APP_ID });
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"aud":"${APP_ID}"}`).toString('base64url')}.`;
    const printed: string[] = [];
    const original = { error: console.error, warn: console.warn, write: process.stderr.write };
    console.error = (...a: unknown[]) => void printed.push(a.map(String).join(' '));
    console.warn = (...a: unknown[]) => void printed.push(a.map(String).join(' '));
    process.stderr.write = ((chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let status: number;
    try {
      status = await h.post(activity(h.connector.serviceUrl, { text: 'ipcheck help' }), {
        authorization: `Bearer ${forged}`,
      });
    } finally {
      console.error = original.error;
      console.warn = original.warn;
      process.stderr.write = original.write;
    }
    expect(status).toBe(401);
    expect(printed).toEqual([]);
    const refused = h.logs.filter((l) => l.includes('(401)'));
    expect(refused).toHaveLength(1);
    expect(refused.join()).not.toContain(forged);
  });

  it('scrubs OpenAI keys by shape, and the configured secrets by value', () => {
    const config = {
      llm: { apiKey: 'org-key-without-a-known-shape-1234', model: 'm', timeoutMs: 8000 },
      slack: { botToken: 'xoxb-1-2-3', signingSecret: 'signing-secret-value-0987' },
      teams: { appPassword: 'Zq8~app.password_from~azure', port: 3978, host: '127.0.0.1' },
    } as unknown as Config;
    keepSecrets(secretsOf(config));
    const line = scrub(
      'key sk-proj-AbCdEfGhIjKlMnOpQrStUv, org-key-without-a-known-shape-1234, ' +
        'signing-secret-value-0987 and Zq8~app.password_from~azure; store redis://:hunter2pass@127.0.0.1:6379',
    );
    for (const secret of [
      'sk-proj',
      'org-key-without',
      'signing-secret-value',
      'Zq8~app.password',
      'hunter2pass',
    ])
      expect(line).not.toContain(secret);
    expect(line).toContain('redis://[redacted]@127.0.0.1:6379');
    // Short configured values are not kept: they would redact ordinary words.
    keepSecrets(['short']);
    expect(scrub('a short line')).toBe('a short line');
  });
});
