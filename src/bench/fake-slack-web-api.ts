import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

// A minimal Slack Web API on loopback for `npm run bench` (the test suite's richer fake lives under test/,
// which the built bench cannot import). It answers every method ipcheck calls with a well-formed `ok`
// reply and keeps the blocks of each posted message, so the bench can press the buttons ipcheck showed.

export const BENCH_TEAM = 'T0BENCH';
export const BENCH_BOT_USER = 'U0BOT';

export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  blocks: unknown[];
}

export interface BenchSlackApi {
  /** Base URL for SLACK_API_URL (ends with `/api/`). */
  url: string;
  /** A response_url that answers 200. */
  responseUrl: string;
  /** Messages posted or updated, by ts. */
  messages: Map<string, PostedMessage>;
  calls: number;
  /** How long each answer waits (0: at once); Slack's real API takes on the order of 100 ms. */
  latencyMs: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      s += c;
    });
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}

function argsOf(req: IncomingMessage, raw: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parseQuery(raw))) {
    if (typeof v !== 'string') continue;
    // The Web API client form-encodes objects as JSON strings (blocks, metadata).
    out[k] = k === 'blocks' ? safeJson(v) : v;
  }
  return out;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export async function startBenchSlackApi(): Promise<BenchSlackApi> {
  const messages = new Map<string, PostedMessage>();
  let seq = 0;
  const nextTs = () =>
    `${1_800_000_000 + Math.floor(++seq / 1_000_000)}.${String(seq % 1_000_000).padStart(6, '0')}`;
  const api = { calls: 0, latencyMs: 0 } as { calls: number; latencyMs: number };

  const answer = (method: string, a: Record<string, unknown>): Record<string, unknown> => {
    const channel = typeof a.channel === 'string' ? a.channel : 'C0BENCH';
    const blocks = Array.isArray(a.blocks) ? a.blocks : [];
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: BENCH_TEAM, user_id: BENCH_BOT_USER, bot_id: 'B0BOT', user: 'ipcheck' };
      case 'chat.postMessage': {
        const ts = nextTs();
        const thread_ts = typeof a.thread_ts === 'string' ? a.thread_ts : undefined;
        messages.set(ts, { channel, ts, blocks, ...(thread_ts ? { thread_ts } : {}) });
        return {
          ok: true,
          channel,
          ts,
          message: { ts, text: a.text ?? '', blocks, ...(thread_ts ? { thread_ts } : {}) },
        };
      }
      case 'chat.update': {
        const ts = String(a.ts ?? '');
        const m = messages.get(ts);
        if (m) m.blocks = blocks;
        return { ok: true, channel, ts, message: { ts, text: a.text ?? '', blocks } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel,
          permalink: `https://bench.slack.com/archives/${channel}/p${String(a.message_ts ?? '').replace('.', '')}`,
        };
      case 'chat.scheduleMessage':
        return {
          ok: true,
          channel,
          scheduled_message_id: `Q${nextTs().replace('.', '')}`,
          post_at: a.post_at,
        };
      case 'conversations.members':
        return { ok: true, members: [], response_metadata: { next_cursor: '' } };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: `V${nextTs().replace('.', '')}`, hash: 'h' } };
      case 'users.info':
        return { ok: true, user: { id: a.user, name: String(a.user ?? '').toLowerCase() } };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      api.calls++;
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const body = path.startsWith('/response/')
        ? { ok: true }
        : answer(path.replace(/^\/api\//, ''), argsOf(req, raw));
      const reply = () => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      if (api.latencyMs > 0) setTimeout(reply, api.latencyMs);
      else reply();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/response/bench`,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
