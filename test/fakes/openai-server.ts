// A fake OpenAI-compatible server for tests: a real node:http server on 127.0.0.1 that the real `openai` client
// talks to through its baseURL. It records every request and answers from a script: a JSON answer, raw text
// (malformed JSON), an HTTP error (429, 500), or any of these after a delay (to go past the client's timeout).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted =
  /** A chat completion whose message content is this value as JSON. */
  | { json: unknown; delayMs?: number }
  /** A chat completion whose message content is this text as it is (e.g. not JSON). */
  | { content: string; delayMs?: number }
  /** An HTTP error answer, optionally with Retry-After (seconds). */
  | { status: number; retryAfter?: number; delayMs?: number };

export interface RecordedRequest {
  path: string;
  /** The parsed JSON body: model, messages, response_format, … */
  body: {
    model?: string;
    temperature?: number;
    max_tokens?: number;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  };
  /** Whether an Authorization header came (never its value). */
  authorized: boolean;
  at: number;
}

/** What the next request gets: a fixed list first, then `fallback` (by default a 500). */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Scripted[] = [];
  private server: Server | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  fallback: Scripted | ((req: RecordedRequest) => Scripted) = { status: 500 };
  baseUrl = '';

  /** Answers for the next requests, in order. */
  script(...answers: Scripted[]): this {
    this.queue.push(...answers);
    return this;
  }

  /** The system and user messages of request `i` (the last one by default). */
  messages(i = this.requests.length - 1): { system: string; user: string } {
    const m = this.requests[i]?.body.messages ?? [];
    return {
      system: m.find((x) => x.role === 'system')?.content ?? '',
      user: m.find((x) => x.role === 'user')?.content ?? '',
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.baseUrl = `http://127.0.0.1:${port}/v1`;
    return this;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: RecordedRequest['body'] = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      // Recorded as empty: the test sees a request that was not JSON.
    }
    const rec: RecordedRequest = {
      path: req.url ?? '',
      body,
      authorized: typeof req.headers.authorization === 'string',
      at: Date.now(),
    };
    this.requests.push(rec);
    if (req.method !== 'POST' || rec.path !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${rec.path}` } }));
      return;
    }
    const next =
      this.queue.shift() ?? (typeof this.fallback === 'function' ? this.fallback(rec) : this.fallback);
    const delay = next.delayMs ?? 0;
    if (delay > 0) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.timers.delete(t);
          resolve();
        }, delay);
        this.timers.add(t);
      });
      if (res.destroyed || req.socket.destroyed) return;
    }
    if ('status' in next) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (next.retryAfter !== undefined) headers['retry-after'] = String(next.retryAfter);
      res.writeHead(next.status, headers);
      res.end(JSON.stringify({ error: { message: `scripted ${next.status}`, type: 'scripted' } }));
      return;
    }
    const content = 'json' in next ? JSON.stringify(next.json) : next.content;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: `chatcmpl-fake-${this.requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? 'fake',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }
}
