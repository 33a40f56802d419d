import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import type { Log } from './slack-deps.js';

// Bolt's HTTP receiver reads `body.ssl_check` on whatever JSON.parse returned: a correctly signed `null`
// body (or a form whose `payload` is `null`) threw outside any try, an unhandled rejection that killed the
// process. A signed request can only come from someone holding the signing secret, but a leaked secret or
// a Slack bug must not take the bot down. So every signed request to the events endpoint is checked for
// the shape Bolt assumes before Bolt sees it, and anything else gets a 400 that says what was wrong.

const BODY_LIMIT = 4 * 1024 * 1024; // Bolt's own limit
// Slack's replay window: a signed request's timestamp must be within 5 minutes of now, either way.
const MAX_SKEW_S = 5 * 60;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

// Event fields Bolt and our handlers read to route an event (its channel, user, thread). Slack sends each as
// a string, or for some event kinds an object (`channel` on channel_created, `user` on user_change); a null
// channel or user, or a number, made Bolt throw before any listener ran, and answer 500. (A null where a
// plain string is expected is let through: Bolt and the handlers read it as absent.)
const EVENT_STRINGS = [
  'channel_id',
  'ts',
  'thread_ts',
  'event_ts',
  'text',
  'subtype',
  'bot_id',
  'channel_type',
  'tab',
];
const EVENT_STRING_OR_OBJECT = ['channel', 'user', 'item', 'assistant_thread'];

function eventFieldProblem(event: Record<string, unknown>): string | undefined {
  for (const key of EVENT_STRINGS)
    if (event[key] !== undefined && event[key] !== null && typeof event[key] !== 'string')
      return `the event "${key}" must be a string, not ${kindOf(event[key])}`;
  for (const key of EVENT_STRING_OR_OBJECT)
    if (event[key] !== undefined && typeof event[key] !== 'string' && !isObject(event[key]))
      return `the event "${key}" must be a string or an object, not ${kindOf(event[key])}`;
  return undefined;
}

// The fields Bolt matches listeners on (action_id, callback_id …) and those our listeners read before they
// can answer (a form's state): a number where Slack sends a string made Bolt's matcher throw
// (`action_id.match is not a function`), and a view_submission without `view.state` threw in the form's
// listener before its ack. Either way Slack got no answer for 3 s.
const str = (v: unknown) => v === undefined || typeof v === 'string';

function routingProblem(body: Record<string, unknown>): string | undefined {
  const view = isObject(body.view) ? body.view : undefined;
  switch (body.type) {
    case 'block_actions':
      for (const a of (body.actions ?? []) as Record<string, unknown>[]) {
        if (typeof a.action_id !== 'string') return 'every action\'s "action_id" must be a string';
        if (!str(a.block_id)) return 'an action\'s "block_id" must be a string';
      }
      return undefined;
    case 'block_suggestion':
      return typeof body.action_id === 'string' && str(body.block_id)
        ? undefined
        : 'the "action_id" and "block_id" of an options request must be strings';
    case 'shortcut':
    case 'message_action':
      return typeof body.callback_id === 'string'
        ? undefined
        : `a ${body.type}'s "callback_id" must be a string`;
    case 'view_submission':
    case 'view_closed':
      if (!view) return `a ${body.type} needs a "view" object`;
      if (typeof view.callback_id !== 'string') return 'the "view.callback_id" must be a string';
      if (body.type === 'view_submission' && !(isObject(view.state) && isObject(view.state.values)))
        return 'a view_submission needs the form\'s "view.state.values" (an object)';
      return undefined;
    default:
      return undefined;
  }
}

/** What is wrong with a parsed Slack payload, or undefined when Bolt can take it. */
export function payloadProblem(body: unknown): string | undefined {
  if (!isObject(body)) return `the payload must be a JSON object, not ${kindOf(body)}`;
  if (body.type !== undefined && typeof body.type !== 'string') return 'the payload "type" must be a string';
  if (body.event !== undefined && !(isObject(body.event) && typeof body.event.type === 'string'))
    return 'the payload "event" must be an object with a "type"';
  if (isObject(body.event)) {
    const wrong = eventFieldProblem(body.event);
    if (wrong) return wrong;
  }
  for (const key of ['channel', 'container', 'message'] as const)
    if (body[key] !== undefined && !isObject(body[key])) return `the payload "${key}" must be an object`;
  if (body.actions !== undefined && !(Array.isArray(body.actions) && body.actions.every(isObject)))
    return 'the payload "actions" must be a list of objects';
  if (body.view !== undefined && !isObject(body.view)) return 'the payload "view" must be an object';
  if (body.user !== undefined && !(isObject(body.user) || typeof body.user === 'string'))
    return 'the payload "user" must be an object';
  if (body.team !== undefined && body.team !== null && !isObject(body.team))
    return 'the payload "team" must be an object';
  return routingProblem(body);
}

/** Parses the body the way Bolt does (HTTPModuleFunctions.parseHTTPRequestBody) and checks it. */
export function bodyProblem(contentType: string | undefined, raw: string): string | undefined {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseQuery(raw);
    if (form.payload === undefined) return undefined; // a slash command or ssl_check: plain form fields
    if (typeof form.payload !== 'string') return 'the form has more than one "payload" field';
    try {
      return payloadProblem(JSON.parse(form.payload));
    } catch {
      return 'the form "payload" is not JSON';
    }
  }
  try {
    return payloadProblem(JSON.parse(raw));
  } catch {
    return 'the body is not JSON';
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Wraps Bolt's request listener: POSTs to `path` are read, and a correctly signed one whose payload Bolt
 * could not handle is answered 400 here. A timestamp more than 5 minutes from now, either way, is 401.
 * Unsigned or wrongly signed requests go on to Bolt, which answers 401 as before (so the shape of a body
 * never tells an outsider anything).
 */
export function guardRequests(
  inner: RequestListener,
  opts: { path: string; signingSecret: string; log: Log },
): RequestListener {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method?.toUpperCase() !== 'POST' || path !== opts.path) {
      inner(req, res);
      return;
    }
    void (async () => {
      let raw: Buffer | 'too_large';
      try {
        raw = await readBody(req);
      } catch {
        return refuse(res, 400, 'ipcheck: the request body could not be read');
      }
      if (raw === 'too_large') return refuse(res, 413, 'ipcheck: the request body is too large');
      const text = raw.toString('utf8');
      const signature = header(req, 'x-slack-signature');
      const timestamp = Number(header(req, 'x-slack-request-timestamp'));
      if (Number.isFinite(timestamp) && Math.abs(Date.now() / 1000 - timestamp) > MAX_SKEW_S) {
        // Bolt refuses a timestamp more than 5 minutes old; one as far in the future passed, and a
        // request signed with it could be replayed for as long as its clock was ahead.
        opts.log.warn(
          "refused a Slack request: its timestamp is more than 5 minutes from this server's clock (a replay, or a clock that is off)",
        );
        return refuse(res, 401, 'ipcheck: the request timestamp is more than 5 minutes from now');
      }
      const signed =
        signature !== undefined &&
        Number.isFinite(timestamp) &&
        isValidSlackRequest({
          signingSecret: opts.signingSecret,
          body: text,
          headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        });
      if (signed) {
        const problem = bodyProblem(header(req, 'content-type'), text);
        if (problem) {
          opts.log.warn(`refused a signed Slack request: ${problem}`);
          return refuse(res, 400, `ipcheck: bad request: ${problem}`);
        }
      }
      // Bolt reads a body that is already buffered from here instead of the (consumed) stream.
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      inner(req, res);
    })().catch((err: Error) => {
      opts.log.error(`slack request failed before Bolt: ${err.message}`);
      if (!res.headersSent) refuse(res, 500, 'ipcheck: internal error');
    });
  };
}
