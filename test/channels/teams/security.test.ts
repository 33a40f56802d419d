import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/boot/config.js';
import { keepSecrets, scrub, secretsOf } from '../../../src/channels/shared/logger.js';
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

  it('an activity without a type, or without what a message needs, gets 400 naming what is missing', async () => {
    h = await startTeamsHarness();
    const url = h.connector.serviceUrl;
    const party = { id: '29:someone' };
    const message = {
      type: 'message',
      id: 'm1',
      channelId: 'msteams',
      serviceUrl: url,
      from: party,
      recipient: party,
      conversation: { id: 'a:chat' },
      text: 'ipcheck help',
    };
    const without = (key: string) => Object.fromEntries(Object.entries(message).filter(([k]) => k !== key));
    const BAD: [string, unknown, RegExp][] = [
      ['{}', {}, /"type"/],
      ['a numeric type', { ...message, type: 5 }, /"type"/],
      ['a message with nothing else', { type: 'message' }, /"serviceUrl"|"conversation/],
      ['no conversation', without('conversation'), /"conversation"/],
      ['a conversation without an id', { ...message, conversation: {} }, /"conversation\.id"/],
      ['no from', without('from'), /"from"/],
      ['no recipient', without('recipient'), /"recipient"/],
      ['no serviceUrl', without('serviceUrl'), /"serviceUrl"/],
      ['a serviceUrl that is not http(s)', { ...message, serviceUrl: 'file:///etc/passwd' }, /"serviceUrl"/],
      ['no channelId', without('channelId'), /"channelId"/],
      ['a text that is not a string', { ...message, text: { html: 1 } }, /"text"/],
    ];
    for (const [name, body, says] of BAD) {
      const r = await fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(r.status, name).toBe(400);
      expect(await r.text(), name).toMatch(says);
    }
    await h.running.inFlight.drain(5000);
    expect(h.connector.requests).toEqual([]);
    expect(h.logs.join('\n')).not.toMatch(/failed: Cannot read/);
    // The same message, whole, is served.
    expect(await h.post(message)).toBe(200);
    expect(h.connector.messages('a:chat').length).toBe(1);
  });

  it('with an app id, an unsigned {} gets 401 with a clear body (not 500), and touches nothing', async () => {
    h = await startTeamsHarness({ appId: APP_ID });
    for (const body of ['{}', '{"type":"message"}']) {
      const r = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(r.status, body).toBe(401);
      expect(await r.text(), body).toMatch(/Bot Framework/);
    }
    expect(h.connector.requests).toEqual([]);
  });

  it('a body over the limit gets 413 and the connection stays usable (the rest is read, not reset)', async () => {
    h = await startTeamsHarness();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const port = h.running.port as number;
    const send = (method: string, path: string, body?: Buffer, chunked = false) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path,
            method,
            agent,
            headers: {
              'content-type': 'application/json',
              ...(body && !chunked ? { 'content-length': body.length } : {}),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c) => {
              text += c;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        if (body && chunked) {
          for (let i = 0; i < body.length; i += 256 * 1024) req.write(body.subarray(i, i + 256 * 1024));
          req.end();
        } else req.end(body);
      });
    try {
      for (const mb of [2, 20]) {
        for (const chunked of [false, true]) {
          const big = await send('POST', '/api/messages', Buffer.alloc(mb * 1024 * 1024, 'a'), chunked);
          expect(big.status, `${mb} MB`).toBe(413);
          expect(big.text).toMatch(/over 1 MB/);
          // The same keep-alive connection serves the next request.
          expect((await send('GET', '/healthz')).status).toBe(200);
        }
      }
    } finally {
      agent.destroy();
    }
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
