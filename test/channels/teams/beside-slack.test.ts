import { afterEach, describe, expect, it } from 'vitest';
import { makeLogger } from '../../../src/channels/shared/logger.js';
import { type RunningSlack, startSlack } from '../../../src/channels/slack/app.js';
import { type RunningTeams, startTeams } from '../../../src/channels/teams/app.js';
import { type FakeBotConnector, startFakeBotConnector } from '../../fakes/bot-connector.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-api.js';
import { postToBolt, slashCommandBody } from '../../fakes/slack-signing.js';
import { activity, CHAT, teamsBase } from './harness.js';

// One process, one port: Slack's HTTP receiver serves /slack/events and Teams' /api/messages, from one
// store. Each keeps its own checks: Slack's signature on its path, botbuilder's on the other.

const SECRET = 'test-signing-secret-0123456789';
const APP_ID = '11111111-2222-3333-4444-555555555555';

let slack: RunningSlack | undefined;
let teams: RunningTeams | undefined;
let api: FakeSlackApi | undefined;
let connector: FakeBotConnector | undefined;
afterEach(async () => {
  await slack?.stop();
  await teams?.stop();
  await api?.close();
  await connector?.stop();
});

async function start(appId?: string) {
  api = await startFakeSlackApi();
  connector = await startFakeBotConnector();
  const { ctx, stores, clock, log, logs } = await teamsBase();
  const t = await startTeams(
    { port: 0, host: '127.0.0.1', ...(appId ? { appId, appPassword: 'x' } : {}) },
    { ctx, stores, clock, log },
    { reminderIntervalMs: 3_600_000, ownServer: false },
  );
  teams = t;
  slack = await startSlack(
    {
      mode: 'http',
      botToken: 'xoxb-test-token',
      signingSecret: SECRET,
      apiUrl: api.url,
      port: 0,
      host: '127.0.0.1',
    },
    { ctx, stores, clock, exportDir: '.', log },
    {
      reminderIntervalMs: 3_600_000,
      logger: makeLogger((l) => logs.push(l)),
      routes: [{ path: '/api/messages', handler: t.handle }],
    },
  );
  return { base: `http://127.0.0.1:${slack.port}`, stores };
}

describe('Teams beside Slack on one port', () => {
  it('serves /api/messages and /slack/events from one server and one store', async () => {
    const { base, stores } = await start();
    const r = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(connector?.serviceUrl as string, { text: 'ipcheck 1005006123456789' })),
    });
    expect(r.status).toBe(200);
    expect((await connector?.waitFor(CHAT, 2))?.length).toBeGreaterThan(1);
    const s = await postToBolt(`${base}/slack/events`, {
      secret: SECRET,
      body: slashCommandBody({ text: 'help' }),
    });
    expect(s.status).toBe(200);
    const rec = await stores.cases.get('IPC-0001');
    expect(rec?.channel).toBe('teams');
  });

  it('keeps Teams authentication on the shared port: unsigned gets 401', async () => {
    const { base, stores } = await start(APP_ID);
    const r = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(connector?.serviceUrl as string, { text: 'ipcheck 1005006123456789' })),
    });
    expect(r.status).toBe(401);
    expect(connector?.requests).toEqual([]);
    expect(await stores.cases.listOpen()).toEqual([]);
  });
});
