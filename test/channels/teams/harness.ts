import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { type Stores, storesOn } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import type { TeamsConfig } from '../../../src/boot/config.js';
import { type RunningTeams, startTeams } from '../../../src/channels/teams/app.js';
import {
  type FakeBotConnector,
  type SentActivity,
  startFakeBotConnector,
} from '../../fakes/bot-connector.js';
import { testContext } from '../../helpers/context.js';

export const TENANT = 'tenant-0001';
export const BOT = { id: '28:ipcheck-bot', name: 'ipcheck' };
export const SELLER = { id: '29:seller', name: 'Sam Seller', aadObjectId: 'aad-seller' };
export const LAWYER = { id: '29:lawyer', name: 'Lee Lawyer', aadObjectId: 'aad-lawyer' };
export const CHAT = 'a:personal-chat-seller';
export const LEGAL = '19:legal0001@thread.tacv2';

type Person = typeof SELLER;

export interface TeamsHarness {
  connector: FakeBotConnector;
  stores: Stores;
  clock: ReturnType<typeof fixedClock>;
  running: RunningTeams;
  logs: string[];
  url: string;
  /** POSTs an activity to /api/messages; the HTTP status, once the work after the answer is done too. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<number>;
  /** A message typed by `from` in `conversation` (a personal chat unless said otherwise). */
  say(
    text: string,
    opts?: { from?: Person; conversation?: string; id?: string; entities?: unknown[]; tenant?: string },
  ): Promise<number>;
  /** Presses the Action.Submit titled `title` on the latest card in `conversation` that has it. */
  press(
    title: string,
    opts?: { from?: Person; conversation?: string; inputs?: Record<string, string> },
  ): Promise<number>;
  /** The bot was added to the legal channel's team. */
  addToLegal(): Promise<number>;
  stop(): Promise<void>;
}

let seq = 0;

export function activity(
  serviceUrl: string,
  over: Record<string, unknown> & { conversation?: string; from?: Person; tenant?: string },
): Record<string, unknown> {
  const { tenant = TENANT, ...rest } = over;
  const conversation = over.conversation ?? CHAT;
  const inChannel = conversation.startsWith('19:');
  seq += 1;
  return {
    type: 'message',
    id: `act-${seq}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    recipient: BOT,
    channelData: {
      tenant: { id: tenant },
      ...(inChannel ? { channel: { id: conversation.split(';')[0] } } : {}),
    },
    ...rest,
    from: over.from ?? SELLER,
    conversation: {
      id: conversation,
      tenantId: tenant,
      conversationType: inChannel ? 'channel' : 'personal',
      ...(inChannel ? { isGroup: true } : {}),
    },
  };
}

/** Every Action.Submit / OpenUrl in a card, nested action sets and show-cards included. */
export function cardActions(m: SentActivity): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    for (const v of Object.values(o)) walk(v);
  };
  walk(m.attachments?.map((a) => a.content));
  return out;
}

/** What a person reads in a message: its text, and every text and input value of its cards. */
export function visible(m: SentActivity): string {
  const out: string[] = [];
  if (m.text) out.push(m.text);
  const walk = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (o.type === 'TextBlock' || o.type === 'TextRun') out.push(String(o.text));
    if (o.type === 'Input.Text' && typeof o.value === 'string') out.push(o.value);
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(`[${String(o.title)}]`);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
  };
  walk(m.attachments?.map((a) => a.content));
  return out.join('\n');
}

/** What a Teams app needs besides its config: the real knowledge, a memory store, a fixed clock, a log. */
export async function teamsBase(shared: { stores?: Stores; clock?: ReturnType<typeof fixedClock> } = {}) {
  const clock = shared.clock ?? fixedClock('2026-11-28T10:00:00Z');
  const stores = shared.stores ?? storesOn(LocalKv.memory(), clock);
  const logs: string[] = [];
  const log = {
    info: (m: string) => logs.push(m),
    warn: (m: string) => logs.push(m),
    error: (m: string) => logs.push(m),
  };
  return { ctx: await testContext(), stores, clock, log, logs };
}

export async function startTeamsHarness(
  opts: {
    legal?: boolean;
    appId?: string;
    appPassword?: string;
    /** A store shared with other channels (closed by its owner, not by stop()), and their clock. */
    stores?: Stores;
    clock?: ReturnType<typeof fixedClock>;
  } = {},
): Promise<TeamsHarness> {
  const connector = await startFakeBotConnector();
  const { ctx, stores, clock, log, logs } = await teamsBase({
    ...(opts.stores ? { stores: opts.stores } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const cfg: TeamsConfig = {
    port: 0,
    host: '127.0.0.1',
    ...(opts.legal === false ? {} : { legalChannel: LEGAL }),
    ...(opts.appId ? { appId: opts.appId, appPassword: opts.appPassword ?? 'secret-for-tests' } : {}),
  };
  const running = await startTeams(
    cfg,
    { ctx, stores, clock, log },
    {
      reminderIntervalMs: 3_600_000,
      ownServer: true,
    },
  );
  const url = `http://127.0.0.1:${running.port}/api/messages`;
  const post = async (a: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(a),
    });
    await r.text();
    // Teams is answered before the work runs (bot.ts): wait for it, so tests read what the user sees.
    await running.inFlight.drain(60_000);
    return r.status;
  };
  return {
    connector,
    stores,
    clock,
    running,
    logs,
    url,
    post,
    say: (text, o = {}) =>
      post(
        activity(connector.serviceUrl, {
          text,
          ...(o.from ? { from: o.from } : {}),
          ...(o.conversation ? { conversation: o.conversation } : {}),
          ...(o.id ? { id: o.id } : {}),
          ...(o.entities ? { entities: o.entities } : {}),
          ...(o.tenant ? { tenant: o.tenant } : {}),
        }),
      ),
    press: async (title, o = {}) => {
      const conversation = o.conversation ?? CHAT;
      const msgs = connector.messages(conversation);
      for (let i = msgs.length - 1; i >= 0; i--) {
        const m = msgs[i] as SentActivity;
        const a = cardActions(m).find((x) => x.title === title && x.type === 'Action.Submit');
        if (a)
          return post(
            activity(connector.serviceUrl, {
              conversation,
              ...(o.from ? { from: o.from } : {}),
              replyToId: m.id,
              value: { ...(a.data as object), ...(o.inputs ?? {}) },
            }),
          );
      }
      throw new Error(`no button "${title}" in ${conversation}: ${msgs.map(visible).join('\n---\n')}`);
    },
    addToLegal: () =>
      post(
        activity(connector.serviceUrl, {
          type: 'conversationUpdate',
          conversation: LEGAL,
          membersAdded: [{ id: BOT.id }],
          channelData: {
            tenant: { id: TENANT },
            team: { id: LEGAL, name: 'Legal' },
            channel: { id: LEGAL },
            eventType: 'teamMemberAdded',
          },
        }),
      ),
    stop: async () => {
      await running.stop();
      await connector.stop();
      if (!opts.stores) await stores.close();
    },
  };
}
