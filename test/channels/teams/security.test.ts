import { afterEach, describe, expect, it } from 'vitest';
import { scrub } from '../../../src/channels/shared/logger.js';
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
