// A fake Bot Framework Connector for tests: a real node:http server on 127.0.0.1 at the activities'
// `serviceUrl`, which the real botbuilder CloudAdapter talks to. It records what the bot sends — replies
// (`POST /v3/conversations/{id}/activities[/{replyToId}]`), updates (`PUT …/activities/{id}`) and new
// channel posts (`POST /v3/conversations`) — and keeps the messages per conversation as a user would
// see them (an update replaces the message it names).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  id: string;
  conversation: string;
  type: string;
  text?: string;
  summary?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  replyToId?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** Whether an Authorization header came (never its value). */
  authorized: boolean;
}

export interface FakeBotConnector {
  /** The serviceUrl to put in activities, ending in a slash. */
  serviceUrl: string;
  requests: RecordedRequest[];
  /** Messages (not typing indicators) per conversation id, in order, with updates applied. */
  messages(conversation: string): SentActivity[];
  /** Every typing indicator sent, by conversation. */
  typing: string[];
  /** The channel posts created with POST /v3/conversations (their new conversation ids). */
  created: { conversation: string; channel: string; activity: SentActivity }[];
  /** The next `n` messages (not typing indicators) are refused with 400, as a Teams outage or refusal. */
  refuseMessages(n: number): void;
  /** Resolves once `conversation` has at least `n` messages (bounded by the test's timeout). */
  waitFor(conversation: string, n: number): Promise<SentActivity[]>;
  stop(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const byConv = new Map<string, SentActivity[]>();
  const requests: RecordedRequest[] = [];
  const typing: string[] = [];
  const created: FakeBotConnector['created'] = [];
  const waiters: (() => void)[] = [];
  let next = 1;
  let refuse = 0;
  const list = (c: string) => {
    const l = byConv.get(c) ?? [];
    byConv.set(c, l);
    return l;
  };
  const changed = () => {
    for (const w of waiters.splice(0)) w();
  };
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const body = await readJson(req);
    requests.push({ method: req.method ?? '', path, body, authorized: Boolean(req.headers.authorization) });
    const act = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/]+))?$/.exec(path);
    if (req.method === 'POST' && path === '/v3/conversations') {
      const channel = ((body.channelData as { channel?: { id?: string } })?.channel?.id ??
        'unknown') as string;
      const id = String(next++);
      const conversation = `${channel};messageid=${id}`;
      const activity = { ...(body.activity as object), id, conversation } as SentActivity;
      list(conversation).push(activity);
      created.push({ conversation, channel, activity });
      changed();
      return answer(res, 201, { id: conversation, activityId: id });
    }
    if (act && req.method === 'POST' && body.type !== 'typing' && refuse > 0) {
      refuse -= 1;
      return answer(res, 400, { error: { code: 'BadArgument', message: 'refused by the test' } });
    }
    if (act && req.method === 'POST') {
      const conversation = act[1] as string;
      const id = String(next++);
      const a = { ...body, id, conversation, ...(act[2] ? { replyToId: act[2] } : {}) } as SentActivity;
      if (a.type === 'typing') typing.push(conversation);
      else list(conversation).push(a);
      changed();
      return answer(res, 200, { id });
    }
    if (act && req.method === 'PUT' && act[2]) {
      const conversation = act[1] as string;
      // Teams updates by activity id; a card's thread id names the same post as the channel's.
      const l = [...byConv.values()].flat();
      const target = l.find((m) => m.id === act[2]);
      if (!target) return answer(res, 404, { error: { code: 'NotFound', message: 'no such activity' } });
      Object.assign(target, body, { id: target.id, conversation: target.conversation });
      void conversation;
      changed();
      return answer(res, 200, { id: act[2] });
    }
    answer(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => answer(res, 500, { error: { message: err.message } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    requests,
    typing,
    created,
    messages: (c) => [...(byConv.get(c) ?? [])],
    refuseMessages: (n) => {
      refuse = n;
    },
    waitFor: async (c, n) => {
      while ((byConv.get(c)?.length ?? 0) < n) await new Promise<void>((r) => waiters.push(r));
      return [...(byConv.get(c) ?? [])];
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
