// A stand-in for Slack's Socket Mode endpoint: a WebSocket server on 127.0.0.1 that says `hello`, pushes
// envelopes (events_api / slash_commands / interactive) to the connected app and records its acks.
//
// @slack/socket-mode 3.x connects with undici's WebSocket client (it does not use the `ws` package, and `ws` is
// not installed here), so this file speaks the small part of RFC 6455 a server needs itself: the upgrade
// handshake, masked client frames, text frames, ping→pong, fragmentation and the close handshake.
// No permessage-deflate: the handshake answer offers no extensions, so the client sends uncompressed frames.

import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FAKE_APP_ID } from './slack-api.js';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export type SocketModeEnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface SocketModeEnvelope {
  envelope_id: string;
  type: SocketModeEnvelopeType | string;
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketModeAck {
  envelope_id: string;
  /** What the app put in `payload` (Bolt sends `{}` for a bare ack()). */
  payload?: unknown;
  /** Date.now() when the ack arrived. */
  at: number;
  /** Milliseconds from send() to the ack (undefined for acks of envelopes not sent through send()). */
  latencyMs?: number;
}

export interface FakeSocketModeOptions {
  /** Send the `hello` message on connect (default true). Without it the client never counts as connected. */
  sendHello?: boolean;
  /** `connection_info.app_id` in `hello` (default A0001). */
  appId?: string;
}

export interface FakeSocketMode {
  /** `ws://127.0.0.1:PORT/link/?ticket=…&app_id=…`: give this to the fake API as `socketUrl`. */
  readonly url: string;
  readonly port: number;
  /** Every ack received, in order. */
  readonly acks: SocketModeAck[];
  /** Every text message the client sent, parsed (acks included). */
  readonly received: unknown[];
  /** Every message the server sent (hello, envelopes, disconnect). */
  readonly sent: unknown[];
  /** Connections open now. */
  readonly openConnections: number;
  /** Connections accepted since start. */
  readonly connectionsAccepted: number;
  /** Resolves once at least `count` connections have been accepted since start (default 1) and one is open. */
  waitForConnection(timeoutMs?: number, count?: number): Promise<void>; // default 15 s
  /** Resolves when no connection is open. */
  waitForNoConnections(timeoutMs?: number): Promise<void>;
  /** Push an envelope to the newest open connection; resolves with the app's ack (matched by envelope_id). */
  send(envelope: SocketModeEnvelope, opts?: { timeoutMs?: number }): Promise<SocketModeAck>;
  /** Push any JSON message to the newest open connection (no ack expected). */
  sendRaw(message: unknown): void;
  /** Send Slack's `disconnect` message (`warning`, `refresh_requested`, `link_disabled`); the client reconnects. */
  sendDisconnect(reason?: string): void;
  /** Close handshake with every client (forced after 1 s), then stop listening. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Envelope helpers

let envelopeCounter = 0;
/** A UUID-shaped envelope id, unique and deterministic per test file. */
export function fakeEnvelopeId(): string {
  envelopeCounter += 1;
  return `00000000-0000-4000-8000-${String(envelopeCounter).padStart(12, '0')}`;
}

function asObject(body: string | Record<string, unknown>): Record<string, unknown> {
  if (typeof body !== 'string') return body;
  const t = body.trimStart();
  if (t.startsWith('{')) return JSON.parse(body) as Record<string, unknown>;
  // form-encoded: either `payload=<json>` (interactivity) or plain fields (slash command)
  const params = new URLSearchParams(body);
  const payload = params.get('payload');
  if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
  return Object.fromEntries(params);
}

/** Wrap an Events API body (`eventBody()` string or `eventEnvelope()` object) into an `events_api` envelope. */
export function eventsApiEnvelope(
  body: string | Record<string, unknown>,
  o: { envelope_id?: string; retry_attempt?: number; retry_reason?: string } = {},
): SocketModeEnvelope {
  return {
    envelope_id: o.envelope_id ?? fakeEnvelopeId(),
    payload: asObject(body),
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: o.retry_attempt ?? 0,
    retry_reason: o.retry_reason ?? '',
  };
}

/** Wrap a slash command (`slashCommandBody()` form string or `slashCommandPayload()` object). */
export function slashCommandEnvelope(
  body: string | Record<string, unknown>,
  o: { envelope_id?: string } = {},
): SocketModeEnvelope {
  return {
    envelope_id: o.envelope_id ?? fakeEnvelopeId(),
    payload: asObject(body),
    type: 'slash_commands',
    accepts_response_payload: true,
  };
}

/** Wrap an interaction payload (`blockActionsBody()` / `viewSubmissionBody()` string or the payload object). */
export function interactiveEnvelope(
  body: string | Record<string, unknown>,
  o: { envelope_id?: string } = {},
): SocketModeEnvelope {
  const payload = asObject(body);
  const t = payload.type;
  return {
    envelope_id: o.envelope_id ?? fakeEnvelopeId(),
    payload,
    type: 'interactive',
    // Slack lets the app answer inline only where a response is meaningful (modal submissions, option loads).
    accepts_response_payload: t === 'view_submission' || t === 'block_suggestion',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Minimal RFC 6455 server side

const OP_CONT = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  let header: Buffer;
  if (len < 126) {
    header = Buffer.from([0x80 | opcode, len]);
  } else if (len < 65_536) {
    header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(len, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([header, payload]);
}

class WsConnection extends EventEmitter {
  private buf: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragOpcode = 0;
  closeSent = false;
  closed = false;

  constructor(readonly socket: Socket) {
    super();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => {
      // ECONNRESET and the like: the 'close' event below does the bookkeeping
    });
    socket.on('close', () => {
      this.closed = true;
      this.emit('closed');
    });
  }

  onData(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      if (this.buf.length < 2) return;
      const b0 = this.buf[0] ?? 0;
      const b1 = this.buf[1] ?? 0;
      const fin = (b0 & 0x80) !== 0;
      const opcode = b0 & 0x0f;
      const masked = (b1 & 0x80) !== 0;
      let len = b1 & 0x7f;
      let off = 2;
      if (len === 126) {
        if (this.buf.length < 4) return;
        len = this.buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (this.buf.length < 10) return;
        len = Number(this.buf.readBigUInt64BE(2));
        off = 10;
      }
      let mask: Buffer | undefined;
      if (masked) {
        if (this.buf.length < off + 4) return;
        mask = this.buf.subarray(off, off + 4);
        off += 4;
      }
      if (this.buf.length < off + len) return;
      const payload = Buffer.from(this.buf.subarray(off, off + len));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
      this.buf = this.buf.subarray(off + len);
      this.onFrame(fin, opcode, payload);
    }
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case OP_TEXT:
      case OP_BINARY:
        if (fin) this.emit('message', opcode, payload);
        else {
          this.fragOpcode = opcode;
          this.fragments = [payload];
        }
        return;
      case OP_CONT:
        this.fragments.push(payload);
        if (fin) {
          this.emit('message', this.fragOpcode, Buffer.concat(this.fragments));
          this.fragments = [];
        }
        return;
      case OP_PING:
        this.write(OP_PONG, payload);
        return;
      case OP_PONG:
        return;
      case OP_CLOSE: {
        // Answer the close handshake (echoing the code), then end the TCP connection.
        if (!this.closeSent) {
          this.closeSent = true;
          this.write(OP_CLOSE, payload.length >= 2 ? payload.subarray(0, 2) : Buffer.alloc(0));
        }
        this.socket.end();
        return;
      }
      default:
        this.socket.destroy();
    }
  }

  write(opcode: number, payload: Buffer): void {
    if (this.closed || this.socket.destroyed || !this.socket.writable) return;
    this.socket.write(frame(opcode, payload));
  }

  sendText(text: string): void {
    if (this.closeSent) throw new Error('fake Socket Mode: connection is closing');
    this.write(OP_TEXT, Buffer.from(text, 'utf8'));
  }

  /** Start the close handshake; resolves when the TCP connection is gone (forced after timeoutMs). */
  close(code = 1000, timeoutMs = 1000): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.socket.destroy(), timeoutMs);
      this.once('closed', () => {
        clearTimeout(timer);
        resolve();
      });
      if (!this.closeSent) {
        this.closeSent = true;
        const p = Buffer.alloc(2);
        p.writeUInt16BE(code, 0);
        this.write(OP_CLOSE, p);
      }
    });
  }
}

export async function startFakeSocketMode(opts: FakeSocketModeOptions = {}): Promise<FakeSocketMode> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const conns = new Set<WsConnection>();
  const acks: SocketModeAck[] = [];
  const received: unknown[] = [];
  const sent: unknown[] = [];
  const pending = new Map<
    string,
    { resolve: (a: SocketModeAck) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; sentAt: number }
  >();
  let accepted = 0;
  let newest: WsConnection | undefined;
  const appId = opts.appId ?? FAKE_APP_ID;

  const sendTo = (conn: WsConnection, message: unknown) => {
    conn.sendText(JSON.stringify(message));
    sent.push(message);
  };

  const onUpgrade = (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const key = req.headers['sec-websocket-key'];
    const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
    if (!path.startsWith('/link') || typeof key !== 'string' || upgrade !== 'websocket') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(key + WS_GUID)
      .digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const conn = new WsConnection(socket);
    conns.add(conn);
    accepted += 1;
    newest = conn;
    conn.on('message', (opcode: number, data: Buffer) => {
      if (opcode !== OP_TEXT) return;
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString('utf8'));
      } catch {
        msg = data.toString('utf8');
      }
      received.push(msg);
      const m = msg as { envelope_id?: unknown; payload?: unknown };
      if (msg && typeof msg === 'object' && typeof m.envelope_id === 'string') {
        const p = pending.get(m.envelope_id);
        const ack: SocketModeAck = { envelope_id: m.envelope_id, at: Date.now() };
        if ('payload' in m) ack.payload = m.payload;
        if (p) ack.latencyMs = ack.at - p.sentAt;
        acks.push(ack);
        if (p) {
          pending.delete(m.envelope_id);
          clearTimeout(p.timer);
          p.resolve(ack);
        }
        events.emit('ack', ack);
      }
    });
    conn.on('closed', () => {
      conns.delete(conn);
      if (newest === conn) newest = [...conns].at(-1);
      events.emit('change');
    });
    if (head.length) conn.onData(head);
    if (opts.sendHello ?? true) {
      sendTo(conn, {
        type: 'hello',
        num_connections: conns.size,
        debug_info: { host: 'applink-fake-0', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      });
    }
    events.emit('change');
  };

  const server: Server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain', connection: 'close' });
    res.end('upgrade required');
  });
  server.on('upgrade', onUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const waitUntil = (cond: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (cond()) {
        resolve();
        return;
      }
      const onChange = () => {
        if (!cond()) return;
        clearTimeout(timer);
        events.off('change', onChange);
        resolve();
      };
      const timer = setTimeout(() => {
        events.off('change', onChange);
        reject(new Error(`fake Socket Mode: ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      events.on('change', onChange);
    });

  const target = (): WsConnection => {
    if (!newest || newest.closed || newest.closeSent)
      throw new Error('fake Socket Mode: no open client connection');
    return newest;
  };

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket-0001&app_id=${appId}`,
    port,
    acks,
    received,
    sent,
    get openConnections() {
      return conns.size;
    },
    get connectionsAccepted() {
      return accepted;
    },
    // Generous: a child process starting on a loaded 2-core machine can take seconds to connect.
    waitForConnection(timeoutMs = 15_000, count = 1) {
      return waitUntil(
        () => accepted >= count && conns.size > 0,
        timeoutMs,
        `no client connected (${count})`,
      );
    },
    waitForNoConnections(timeoutMs = 15_000) {
      return waitUntil(() => conns.size === 0, timeoutMs, 'client connections still open');
    },
    send(envelope, o = {}) {
      const conn = target();
      const timeoutMs = o.timeoutMs ?? 3000;
      return new Promise<SocketModeAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelope.envelope_id);
          reject(
            new Error(`fake Socket Mode: no ack for envelope ${envelope.envelope_id} within ${timeoutMs} ms`),
          );
        }, timeoutMs);
        pending.set(envelope.envelope_id, { resolve, reject, timer, sentAt: Date.now() });
        try {
          sendTo(conn, envelope);
        } catch (err) {
          clearTimeout(timer);
          pending.delete(envelope.envelope_id);
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    },
    sendRaw(message) {
      sendTo(target(), message);
    },
    sendDisconnect(reason = 'refresh_requested') {
      sendTo(target(), { type: 'disconnect', reason, debug_info: { host: 'applink-fake-0' } });
    },
    async close() {
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`fake Socket Mode closed before envelope ${id} was acked`));
      }
      pending.clear();
      await Promise.all([...conns].map((c) => c.close(1001)));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
