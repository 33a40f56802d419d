import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Logger, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { composeApp } from '../../boot/compose.js';
import type { SlackConfig } from '../../boot/config.js';
import { InFlight } from '../shared/in-flight.js';
import { DEFAULT_MAX_QUEUED, TurnedAwayLog, WorkGate } from '../shared/work-gate.js';
import { registerActions } from './handlers/actions.js';
import { registerCommand } from './handlers/command.js';
import { registerMessages } from './handlers/messages.js';
import { registerSweep } from './handlers/sweep.js';
import { registerViews } from './handlers/views.js';
import { registerHome } from './home.js';
import { LegalMembers } from './legal-members.js';
import { gatedIntake, IntakeReceiver } from './receiver.js';
import { startReminderLoop } from './reminders.js';
import { guardRequests } from './request-guard.js';
import type { SlackDeps } from './slack-deps.js';

export interface RunningSlack {
  mode: 'socket' | 'http';
  /** The bound port in HTTP mode. */
  port?: number;
  app: App;
  /** Work still running for requests already acknowledged. */
  inFlight: InFlight;
  /**
   * Stops taking requests (the HTTP server closes, the socket disconnects), then waits for the work of
   * requests already taken to finish, up to the drain time. The caller closes the store afterwards.
   */
  stop(): Promise<void>;
}

export interface SlackOptions {
  reminderIntervalMs: number;
  logger: Logger;
  /** How long stop() waits for running work (default 25 s: inside a 30 s container stop grace period). */
  drainMs?: number;
  /** More POST routes on the HTTP receiver's port (Teams' /api/messages when both run in one process). */
  routes?: { path: string; handler: (req: IncomingMessage, res: ServerResponse) => void }[];
  /** How many requests do their work at once after their ack (default 8; shared/work-gate.ts). */
  workLimit?: number;
  /** How many acked requests may wait for their turn; more are turned away, told "busy" (IPCHECK_MAX_QUEUED). */
  maxQueued?: number;
}

const EVENTS_PATH = '/slack/events';

function receiverFor(
  cfg: SlackConfig,
  clientOptions: object,
  logger: Logger,
  deps: SlackDeps,
  routes: NonNullable<SlackOptions['routes']>,
): Receiver {
  if (cfg.mode === 'socket') {
    // The Socket Mode client gets its own copy of the client options (it rewrites retryConfig in place).
    return new SocketModeReceiver({
      appToken: cfg.appToken as string,
      logger,
      installerOptions: { clientOptions: { ...clientOptions } },
    });
  }
  const receiver = new HTTPReceiver({
    signingSecret: cfg.signingSecret as string,
    endpoints: EVENTS_PATH,
    logger,
    // A health check for load balancers; it touches nothing.
    customRoutes: [
      { path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') },
      ...routes.map((r) => ({ path: r.path, method: ['POST'], handler: r.handler })),
    ],
  });
  // The receiver's server calls this property for every request: checked bodies first (request-guard.ts).
  receiver.requestListener = guardRequests(receiver.requestListener, {
    path: EVENTS_PATH,
    signingSecret: cfg.signingSecret as string,
    log: deps.log,
  });
  return receiver;
}

/** Builds the Bolt app with every handler and starts it in the configured mode. */
export async function startSlack(
  cfg: SlackConfig,
  given: SlackDeps,
  opts: SlackOptions,
): Promise<RunningSlack> {
  const clientOptions = {
    slackApiUrl: cfg.apiUrl,
    // 429s wait for Retry-After (the client pauses its queue); other failures retry a few times, not for 30 min.
    retryConfig: { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 20_000 },
    timeout: 15_000,
  };
  // Deps put together by hand (tests, benchmarks) get their AppDeps here; npm start's come from the root.
  const deps: SlackDeps = given.app ? given : { ...given, app: composeApp(given) };
  const inFlight = new InFlight();
  const parts = {
    deps,
    inFlight,
    gate: new WorkGate(opts.workLimit ?? 8, opts.maxQueued ?? DEFAULT_MAX_QUEUED),
    turnedAway: new TurnedAwayLog(deps.log, 'Slack'),
  };
  // Every event reaches the listeners through ipcheck's intake (receiver.ts): shape check, work line, acks.
  const receiver = new IntakeReceiver(
    receiverFor(cfg, clientOptions, opts.logger, deps, opts.routes ?? []),
    (a) => gatedIntake(parts, a),
  );
  const app = new App({ token: cfg.botToken, receiver, clientOptions, logger: opts.logger });
  const members = new LegalMembers(deps.legalChannel);
  registerCommand(app, deps);
  registerMessages(app, deps);
  registerSweep(app, deps);
  registerActions(app, deps, members);
  registerViews(app, deps, members);
  registerHome(app, deps, members);
  app.error(async (err) => {
    deps.log.error(`slack: ${err.message}`);
  });
  let port: number | undefined;
  if (cfg.mode === 'http') {
    const server = (await app.start({ port: cfg.port, host: cfg.host })) as {
      address(): AddressInfo | string | null;
    };
    port = (server.address() as AddressInfo).port;
  } else {
    await app.start();
  }
  const stopReminders = startReminderLoop(deps, app.client, opts.reminderIntervalMs, inFlight);
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    stopReminders();
    await app.stop();
    const r = await inFlight.drain(opts.drainMs ?? 25_000);
    if (!r.drained) deps.log.warn(`stopping with ${r.left} request(s) still running`);
  };
  return {
    mode: cfg.mode,
    ...(port !== undefined ? { port } : {}),
    app,
    inFlight,
    // A second signal while draining waits for the same stop instead of stopping twice.
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}
