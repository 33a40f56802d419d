// Slack acknowledgement latency: ipcheck's real HTTP receiver (Bolt's HTTPReceiver behind our request
// guard, every handler registered, a memory store) against a bare Bolt app on the same receiver whose
// handlers only ack(), in the same run and the same process. Signed slash commands (each opens a case)
// and button clicks (each answers the case's first question) go over loopback at a fixed concurrency.
// The figure that matters is the ack: Slack's limit is 3 s, and ipcheck's goal is a p99 within 1.2× of
// bare Bolt's, which holds only if every handler acks before doing any store or Web API work.

import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { openStores } from '../adapters/storage/open-store.js';
import { systemClock } from '../boot/clock.js';
import { loadContext } from '../boot/load-context.js';
import { makeLogger } from '../channels/shared/logger.js';
import { startSlack } from '../channels/slack/app.js';
import type { SlackDeps } from '../channels/slack/slack-deps.js';
import type { PostedMessage } from './fake-slack-web-api.js';
import { quantile, type Report } from './report.js';
import { BENCH_SECRET, buttonClick, slashCommand } from './slack-requests.js';
import type { LoadResult, SideAnswer, SideReady, SideRequest } from './slack-side.js';

const CONCURRENCY = 16;
const REQUESTS = 400; // per kind and app: 400 cases opened, then 400 answers
const WARMUP = 40;
const ROUNDS = 4;
const SLACK_LATENCY_MS = 100; // a typical Web API round trip, for the second pass
const CHANNEL = 'C0BENCH';
const USER = 'U0SELLER';

interface Target {
  url: string;
  stop(): Promise<void>;
  /** Resolves when the work behind acked requests has finished (nothing for bare Bolt). */
  settle(): Promise<void>;
}

async function startBare(apiUrl: string): Promise<Target> {
  const receiver = new HTTPReceiver({ signingSecret: BENCH_SECRET, endpoints: '/slack/events' });
  const app = new App({
    token: 'xoxb-bench-bare',
    receiver,
    clientOptions: { slackApiUrl: apiUrl },
    logger: makeLogger(() => {}, LogLevel.ERROR),
  });
  app.command(/.*/, async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
  return {
    url: `http://127.0.0.1:${server.address().port}/slack/events`,
    stop: () => app.stop().then(() => undefined),
    settle: async () => {},
  };
}

async function startIpcheck(apiUrl: string, dir: string, problems: string[]): Promise<Target> {
  // A memory store: the work after each ack is then all CPU, the hardest case for the acks that share
  // the event loop with it (SQLite's own rate is store-bench.ts's; here it would only stretch the run).
  const stores = await openStores('memory://', systemClock);
  const log = (m: string) => problems.push(m);
  const deps: SlackDeps = {
    ctx: await loadContext(),
    stores,
    clock: systemClock,
    exportDir: join(dir, 'exports'),
    log: { info: () => {}, warn: log, error: log },
  };
  const running = await startSlack(
    {
      mode: 'http',
      botToken: 'xoxb-bench-ipcheck',
      signingSecret: BENCH_SECRET,
      apiUrl,
      port: 0,
      host: '127.0.0.1',
    },
    deps,
    {
      reminderIntervalMs: 3_600_000,
      logger: makeLogger(log, LogLevel.ERROR),
      // Every request is to be done here (the rates count them): none turned away for a full line.
      maxQueued: 100_000,
    },
  );
  return {
    url: `http://127.0.0.1:${running.port}/slack/events`,
    stop: async () => {
      await running.stop();
      await stores.close();
    },
    settle: async () => {
      await running.inFlight.drain(120_000);
    },
  };
}

interface SlackSide {
  apiUrl: string;
  responseUrl: string;
  load(url: string, bodies: readonly string[]): Promise<LoadResult>;
  messages(): Promise<PostedMessage[]>;
  /** Makes the fake Web API answer after this many milliseconds. */
  setLatency(ms: number): Promise<unknown>;
  close(): void;
}

/** Forks slack-side.ts (the fake Web API and the load generator) and waits until it is ready. */
async function startSlackSide(): Promise<SlackSide> {
  const child = fork(fileURLToPath(new URL('./slack-side.js', import.meta.url)), [], { stdio: 'inherit' });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let seq = 0;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => {
      const err = new Error(`bench: the Slack-side process exited (${code})`);
      for (const w of waiting.values()) w.reject(err);
      reject(err);
    }),
  );
  exited.catch(() => {});
  const ready = await Promise.race([
    exited,
    new Promise<SideReady>((resolve) => {
      child.once('message', (m: SideReady) => resolve(m));
    }),
  ]);
  child.on('message', (m: SideAnswer) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(`bench: the Slack side failed: ${m.error}`));
    else w?.resolve(m.result);
  });
  const ask = <T>(req: Omit<SideRequest, 'id'>) =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...req, id });
    });
  return {
    apiUrl: ready.apiUrl,
    responseUrl: ready.responseUrl,
    load: (url, bodies) => ask<LoadResult>({ load: { url, bodies: [...bodies], concurrency: CONCURRENCY } }),
    messages: () => ask<PostedMessage[]>({ messages: true }),
    setLatency: (ms) => ask<PostedMessage[]>({ latencyMs: ms }),
    close: () => {
      if (child.connected) child.send({ id: 0, exit: true });
    },
  };
}

/**
 * The same bodies to both apps in alternating rounds (bare Bolt, then ipcheck, then ipcheck's work is let
 * finish), so both see the same machine: on a shared 2-core machine the load from other programs drifts.
 */
async function alternate(
  bodies: readonly string[],
  bare: Target,
  ipcheck: Target,
  load: (url: string, bodies: readonly string[]) => Promise<LoadResult>,
): Promise<[LoadResult, LoadResult, number]> {
  const out: [LoadResult, LoadResult] = [
    { sorted: [], wall: 0, notOk: 0 },
    { sorted: [], wall: 0, notOk: 0 },
  ];
  let workMs = 0;
  const per = Math.ceil(bodies.length / ROUNDS);
  for (let i = 0; i < bodies.length; i += per) {
    const slice = bodies.slice(i, i + per);
    for (const [k, t] of [bare, ipcheck].entries()) {
      const t0 = performance.now();
      const r = await load(t.url, slice);
      const o = out[k] as LoadResult;
      o.sorted.push(...r.sorted);
      o.wall += r.wall;
      o.notOk += r.notOk;
      await t.settle();
      if (t === ipcheck) workMs += performance.now() - t0;
    }
  }
  for (const o of out) o.sorted.sort((a, b) => a - b);
  return [...out, workMs];
}

const listing = (i: number) => `B0B${String(i).padStart(7, '0')}`;

/** The newest message in each case thread that still has answer buttons: what a seller would press next. */
function answerButtons(messages: readonly PostedMessage[]) {
  const byThread = new Map<string, { m: PostedMessage; value: string; label: string }>();
  for (const m of messages) {
    if (!m.thread_ts) continue;
    for (const b of m.blocks as {
      type?: string;
      elements?: { action_id?: string; value?: string; text?: { text?: string } }[];
    }[]) {
      if (b.type !== 'actions') continue;
      const e = b.elements?.find((x) => x.action_id === 'ipc_answer' && x.value);
      if (e?.value) byThread.set(m.thread_ts, { m, value: e.value, label: e.text?.text ?? '' });
    }
  }
  return [...byThread.values()];
}

export async function benchSlackAck(report: Report): Promise<void> {
  const side = await startSlackSide();
  const dir = await mkdtemp(join(tmpdir(), 'ipcheck-bench-slack-'));
  const problems: string[] = [];
  const bare = await startBare(side.apiUrl);
  const ipcheck = await startIpcheck(side.apiUrl, dir, problems);
  const load = (url: string, bodies: readonly string[]) => side.load(url, bodies);
  const commands = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) =>
      slashCommand({
        text: `${listing(from + i)} trademark complaint, their logo is on the product`,
        user: USER,
        channel: CHANNEL,
        responseUrl: side.responseUrl,
      }),
    );
  const row = (label: string, r: LoadResult) => {
    const p50 = quantile(r.sorted, 0.5);
    const p99 = quantile(r.sorted, 0.99);
    const rps = Math.round((r.sorted.length / r.wall) * 1000);
    report(
      `${label} (${r.sorted.length} at concurrency ${CONCURRENCY})`,
      `p50 ${p50.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  ${rps.toLocaleString('en-US')}/s${r.notOk ? `  ${r.notOk} not 200` : ''}`,
      { p50_ms: p50, p99_ms: p99, per_s: rps, requests: r.sorted.length, not_200: r.notOk },
    );
    return p99;
  };
  const ratio = (a: number, b: number, label: string) =>
    report(`${label}: ipcheck p99 / bare Bolt p99 (goal ≤ 1.2)`, `${(a / b).toFixed(2)}×`, {
      ratio: a / b,
    });
  const done = (what: string, n: number, ms: number) =>
    report(`ipcheck: ${what}, acked and done (all Web API calls made)`, `${Math.round((n / ms) * 1000)}/s`, {
      per_s: (n / ms) * 1000,
    });
  /**
   * One measured pass: slash commands opening new cases, then a click on each new case's first question.
   * `seen` holds the case threads of earlier passes, whose buttons are not pressed again.
   */
  const pass = async (from: number, how: string, seen: ReadonlySet<string>) => {
    const cmd = commands(from, REQUESTS);
    const [bareCmd, ipcCmd, cmdWork] = await alternate(cmd, bare, ipcheck, load);
    const clicks = answerButtons(await side.messages())
      .filter((b) => !seen.has(b.m.thread_ts ?? ''))
      .map((b) =>
        buttonClick({
          user: USER,
          channel: b.m.channel,
          messageTs: b.m.ts,
          ...(b.m.thread_ts ? { threadTs: b.m.thread_ts } : {}),
          actionId: 'ipc_answer',
          value: b.value,
          label: b.label,
          blocks: b.m.blocks,
          responseUrl: side.responseUrl,
        }),
      );
    const [bareClick, ipcClick, clickWork] = await alternate(clicks, bare, ipcheck, load);
    const b1 = row(`slash command ack, bare Bolt${how}`, bareCmd);
    const i1 = row(`slash command ack, ipcheck (opens a case)${how}`, ipcCmd);
    ratio(i1, b1, `slash command${how}`);
    const b2 = row(`button click ack, bare Bolt${how}`, bareClick);
    const i2 = row(`button click ack, ipcheck (answers a question)${how}`, ipcClick);
    ratio(i2, b2, `button click${how}`);
    done(`cases opened by slash command${how}`, cmd.length, cmdWork);
    done(`questions answered by button${how}`, clicks.length, clickWork);
    if (clicks.length < REQUESTS)
      report('button clicks: cases with a question to answer', `${clicks.length} (expected ≥ ${REQUESTS})`);
  };
  try {
    // Warm-up (JIT, connection pools), not measured; the warm-up cases are answered below like the others.
    await load(bare.url, commands(0, WARMUP));
    await load(ipcheck.url, commands(0, WARMUP));
    // First against a Web API that answers at once: all of ipcheck's work after the ack is CPU, the worst
    // case for the acks sharing its event loop. Then with Slack's usual latency, where most of it is waiting.
    await pass(WARMUP, '', new Set());
    const seen = new Set((await side.messages()).map((m) => m.thread_ts ?? m.ts));
    await side.setLatency(SLACK_LATENCY_MS);
    await pass(WARMUP + REQUESTS, `, Web API in ${SLACK_LATENCY_MS} ms`, seen);
    if (problems.length)
      report('ipcheck logged problems during the run', `${problems.length}: ${problems[0]}`);
  } finally {
    await bare.stop();
    await ipcheck.stop();
    side.close();
    await rm(dir, { recursive: true, force: true });
  }
}
