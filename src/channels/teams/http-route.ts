import type { IncomingMessage, ServerResponse } from 'node:http';
import { activityProblem } from './activity-shape.js';
import type { AdapterResponse, BotAdapter, BotTurn } from './bot-adapter.js';

// POST /api/messages as a plain node handler, so the same function serves Teams from its own server
// or as a custom route of Slack's HTTP receiver (one port for both). The adapter expects an
// express-style request with a parsed body; this reads the body (bounded) and gives it that shape.

export const MESSAGES_PATH = '/api/messages';

// Bot Framework activities are small; a card submit with a long draft stays well below this.
const MAX_BODY = 1024 * 1024;

/**
 * The body, or undefined when it is over the limit. A body over the limit is still read to its end
 * (and dropped): leaving it unread reset the keep-alive connection, so the client saw a reset instead of
 * the 413. Node's request timeout bounds how long that can take.
 */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size <= MAX_BODY) chunks.push(c as Buffer);
  }
  return size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`ipcheck: ${text}`);
}

function responseShim(res: ServerResponse): AdapterResponse {
  return {
    socket: res.socket,
    status: (code) => {
      res.statusCode = code;
    },
    header: (name, value) => {
      res.setHeader(name, String(value));
    },
    send: (body) => {
      if (body === undefined) return;
      if (typeof body === 'string') res.write(body);
      else {
        res.setHeader('content-type', 'application/json');
        res.write(JSON.stringify(body));
      }
    },
    end: () => {
      if (!res.writableEnded) res.end();
    },
  };
}

export function messagesHandler(
  adapter: BotAdapter,
  onTurn: (t: BotTurn) => Promise<void>,
  log: { warn(m: string): void },
  /** With an app id every request must carry a Bot Framework token. */
  opts: { authRequired: boolean },
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      const raw = await readBody(req);
      if (raw === undefined) return answer(res, 413, 'the request body is over 1 MB');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return answer(res, 400, 'the body is not JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return answer(res, 400, 'the body is not an activity (a JSON object)');
      // Without a token nothing about the body is looked at (botbuilder would refuse it with 401 too):
      // an outsider learns nothing from its shape.
      if (opts.authRequired && !req.headers.authorization) {
        log.warn(`teams: refused a request to ${MESSAGES_PATH} (401): no Authorization header`);
        return answer(res, 401, 'this bot takes only requests signed by the Bot Framework');
      }
      const problem = activityProblem(body as Record<string, unknown>);
      if (problem) {
        log.warn(`teams: refused an activity (400): ${problem}`);
        return answer(res, 400, `bad activity: ${problem}`);
      }
      await adapter.process(
        { method: 'POST', headers: req.headers, body: body as Record<string, unknown> },
        responseShim(res),
        onTurn,
      );
    })().catch((err: Error) => {
      log.warn(`teams: ${req.method} ${MESSAGES_PATH} failed: ${err.message}`);
      if (!res.headersSent) res.writeHead(500);
      if (!res.writableEnded) res.end();
    });
  };
}
