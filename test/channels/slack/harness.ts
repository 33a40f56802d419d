import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { type Stores, storesOn } from '../../../src/adapters/storage/open-store.js';
import type { LanguageModel } from '../../../src/app/ports.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { composeApp } from '../../../src/boot/compose.js';
import type { SlackConfig } from '../../../src/boot/config.js';
import { makeLogger } from '../../../src/channels/shared/logger.js';
import { type RunningSlack, startSlack } from '../../../src/channels/slack/app.js';
import type { SlackDeps } from '../../../src/channels/slack/slack-deps.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-api.js';
import {
  blockActionsBody,
  eventBody,
  postToBolt,
  slashCommandBody,
  viewSubmissionBody,
} from '../../fakes/slack-signing.js';
import { testContext } from '../../helpers/context.js';

export const SECRET = 'test-signing-secret-0123456789';
export const LEGAL = 'C0LEGAL01';
export const LAWYER = 'U0LAWYER';
export const SELLER = 'U0SELLER';
export const CHANNEL = 'C0SELLERS';

export interface SlackHarness {
  api: FakeSlackApi;
  stores: Stores;
  running: RunningSlack;
  deps: SlackDeps;
  clock: ReturnType<typeof fixedClock>;
  logs: string[];
  url: string;
  command(text: string, extra?: Record<string, string>): Promise<number>;
  event(event: Record<string, unknown>, opts?: { event_id?: string; retryNum?: number }): Promise<number>;
  click(opts: Parameters<typeof blockActionsBody>[0]): Promise<number>;
  submit(opts: Parameters<typeof viewSubmissionBody>[0]): Promise<{ status: number; json: unknown }>;
  stop(): Promise<void>;
}

export async function startHarness(
  /** `api`: a fake Slack shared with an earlier harness (a restart); this harness's stop() then closes it. */
  opts: {
    stores?: Stores;
    legal?: boolean;
    llm?: LanguageModel;
    api?: FakeSlackApi;
    drainMs?: number;
    /** Shared with other channels on the same store (one moment for all). */
    clock?: ReturnType<typeof fixedClock>;
  } = {},
): Promise<SlackHarness> {
  const api = opts.api ?? (await startFakeSlackApi({ channelMembers: { [LEGAL]: [LAWYER, 'U0BOT'] } }));
  const clock = opts.clock ?? fixedClock('2026-11-28T10:00:00Z');
  const stores = opts.stores ?? storesOn(LocalKv.memory(), clock);
  const logs: string[] = [];
  const logger = makeLogger((l) => logs.push(l));
  const ctx = await testContext();
  const log = {
    info: (m: string) => logs.push(m),
    warn: (m: string) => logs.push(m),
    error: (m: string) => logs.push(m),
  };
  // The app's ports as the composition root builds them (src/boot/compose.ts), over the test's store.
  const app = composeApp({ ctx, stores, clock, log, ...(opts.llm ? { llm: opts.llm } : {}) });
  const deps: SlackDeps = {
    ctx,
    app,
    stores,
    clock,
    exportDir: '/tmp/ipcheck-test-exports',
    ...(opts.legal === false ? {} : { legalChannel: LEGAL }),
    ...(opts.llm ? { llm: opts.llm } : {}),
    log,
  };
  const cfg: SlackConfig = {
    mode: 'http',
    botToken: 'xoxb-test-token',
    signingSecret: SECRET,
    apiUrl: api.url,
    port: 0,
    host: '127.0.0.1',
  };
  const running = await startSlack(cfg, deps, {
    reminderIntervalMs: 3_600_000,
    logger,
    ...(opts.drainMs !== undefined ? { drainMs: opts.drainMs } : {}),
  });
  const url = `http://127.0.0.1:${running.port}/slack/events`;
  const form = 'application/x-www-form-urlencoded';
  return {
    api,
    stores,
    running,
    deps,
    clock,
    logs,
    url,
    command: async (text, extra = {}) =>
      (
        await postToBolt(url, {
          secret: SECRET,
          body: slashCommandBody({
            text,
            user_id: SELLER,
            channel_id: CHANNEL,
            response_url: api.responseUrl(),
            ...extra,
          }),
          contentType: form,
        })
      ).status,
    event: async (event, o = {}) =>
      (
        await postToBolt(url, {
          secret: SECRET,
          body: eventBody({ event, ...(o.event_id ? { event_id: o.event_id } : {}) }),
          contentType: 'application/json',
          ...(o.retryNum ? { retryNum: o.retryNum, retryReason: 'http_timeout' } : {}),
        })
      ).status,
    click: async (o) =>
      (await postToBolt(url, { secret: SECRET, body: blockActionsBody(o), contentType: form })).status,
    submit: async (o) => {
      const r = await postToBolt(url, { secret: SECRET, body: viewSubmissionBody(o), contentType: form });
      return { status: r.status, json: r.json };
    },
    stop: async () => {
      await running.stop();
      await api.close();
    },
  };
}

type Block = {
  type: string;
  block_id?: string;
  elements?: { action_id?: string; value?: string; text?: { text: string } }[];
};

/** The buttons in posted messages, newest last: what a user could press. */
export function buttons(messages: { ts: string; blocks?: unknown[] }[]) {
  const out: { ts: string; action_id: string; value?: string; label: string }[] = [];
  for (const m of messages) {
    for (const b of (m.blocks ?? []) as Block[]) {
      if (b.type !== 'actions') continue;
      for (const e of b.elements ?? []) {
        if (e.action_id)
          out.push({
            ts: m.ts,
            action_id: e.action_id,
            label: e.text?.text ?? '',
            ...(e.value ? { value: e.value } : {}),
          });
      }
    }
  }
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` passes (async work after an ack lands a little later). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 4000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await sleep(25);
    }
  }
}
