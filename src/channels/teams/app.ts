import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeApp } from '../../boot/compose.js';
import type { TeamsConfig } from '../../boot/config.js';
import { InFlight } from '../shared/in-flight.js';
import { DEFAULT_MAX_QUEUED, TurnedAwayLog, WorkGate } from '../shared/work-gate.js';
import { teamsBot } from './bot.js';
import { createBotAdapter } from './bot-adapter.js';
import { MESSAGES_PATH, messagesHandler } from './http-route.js';
import { startReminderLoop } from './reminders.js';
import type { TeamsDeps } from './teams-deps.js';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface RunningTeams {
  /** The bound port when Teams has its own server (not beside Slack's). */
  port?: number;
  inFlight: InFlight;
  deps: TeamsDeps;
  stop(): Promise<void>;
}

export interface TeamsOptions {
  reminderIntervalMs: number;
  /** How long stop() waits for running work (default 25 s). */
  drainMs?: number;
  /** How many messages are worked on at once after their answer (default 8; shared/work-gate.ts). */
  workLimit?: number;
  /** How many may wait for their turn; more are answered "busy, try again" (IPCHECK_MAX_QUEUED). */
  maxQueued?: number;
}

/** The Teams bot as a request handler for POST /api/messages, with the deps its handlers use. */
export function teamsHandler(
  cfg: TeamsConfig,
  base: Omit<TeamsDeps, 'adapter' | 'legalChannel' | 'localMode'>,
  opts: Pick<TeamsOptions, 'workLimit' | 'maxQueued'> = {},
) {
  const inFlight = new InFlight();
  const adapter = createBotAdapter(
    {
      ...(cfg.appId ? { MicrosoftAppId: cfg.appId } : {}),
      ...(cfg.appPassword ? { MicrosoftAppPassword: cfg.appPassword } : {}),
      ...(cfg.tenantId ? { MicrosoftAppTenantId: cfg.tenantId } : {}),
      ...(cfg.appType ? { MicrosoftAppType: cfg.appType } : {}),
    },
    async (err, a) =>
      base.log.error(`teams: ${a.type} in ${a.conversation?.id ?? '?'} failed: ${err.message}`),
    (err, status) =>
      status === 401
        ? base.log.warn(`teams: refused a request to /api/messages (401): ${err.message}`)
        : base.log.error(`teams: a request to /api/messages failed (${status}): ${err.message}`),
  );
  const deps: TeamsDeps = {
    ...base,
    // Deps put together by hand (tests) get their AppDeps here; npm start's come from the root.
    app: base.app ?? composeApp(base),
    adapter,
    ...(cfg.legalChannel ? { legalChannel: cfg.legalChannel } : {}),
    ...(cfg.appId ? {} : { localMode: true }),
  };
  // The work after the answer is counted too, so stop() waits for it before the store closes.
  const line = {
    gate: new WorkGate(opts.workLimit ?? 8, opts.maxQueued ?? DEFAULT_MAX_QUEUED),
    turnedAway: new TurnedAwayLog(base.log, 'Teams'),
  };
  const bot = teamsBot(deps, (work) => void inFlight.run(work), line);
  const handle = messagesHandler(adapter, (turn) => inFlight.run(() => bot(turn)), base.log, {
    authRequired: Boolean(cfg.appId),
  });
  return { deps, inFlight, handle };
}

/**
 * Starts Teams: with `ownServer`, an HTTP server on cfg.port serving /api/messages and /healthz; without,
 * the caller mounts `handle` (Slack's HTTP receiver does, so both share one port).
 */
export async function startTeams(
  cfg: TeamsConfig,
  base: Omit<TeamsDeps, 'adapter' | 'legalChannel' | 'localMode'>,
  opts: TeamsOptions & { ownServer: boolean },
): Promise<RunningTeams & { handle: RequestListener }> {
  const { deps, inFlight, handle } = teamsHandler(cfg, base, opts);
  let server: Server | undefined;
  let port: number | undefined;
  if (opts.ownServer) {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === MESSAGES_PATH) return handle(req, res);
      if (path === '/healthz' && req.method === 'GET') return void res.writeHead(200).end('ok');
      res.writeHead(404).end('not found');
    });
    const s = server;
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(cfg.port, cfg.host, () => resolve());
    });
    port = (s.address() as AddressInfo).port;
  }
  const stopReminders = startReminderLoop(deps, opts.reminderIntervalMs, inFlight);
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    stopReminders();
    if (server) {
      const s = server;
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    const r = await inFlight.drain(opts.drainMs ?? 25_000);
    if (!r.drained) deps.log.warn(`stopping with ${r.left} Teams request(s) still running`);
  };
  return {
    ...(port !== undefined ? { port } : {}),
    inFlight,
    deps,
    handle,
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}
