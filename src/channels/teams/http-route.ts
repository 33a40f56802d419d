import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdapterResponse, BotAdapter, BotTurn } from './bot-adapter.js';

// POST /api/messages as a plain node handler, so the same function serves Teams from its own server
// or as a custom route of Slack's HTTP receiver (one port for both). The adapter expects an
// express-style request with a parsed body; this reads the body (bounded) and gives it that shape.

export const MESSAGES_PATH = '/api/messages';

// Bot Framework activities are small; a card submit with a long draft stays well below this.
const MAX_BODY = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      const raw = await readBody(req);
      if (raw === undefined) return void res.writeHead(413).end('request body too large');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return void res.writeHead(400).end('the body is not JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return void res.writeHead(400).end('the body is not an activity');
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
