import type { Logger } from '@slack/bolt';
import type { Root } from '../../boot/compose.js';
import type { Config, SlackConfig } from '../../boot/config.js';
import { serveUntilStopped } from '../shared/serve-until-stopped.js';
import { type RunningTeams, startTeams } from '../teams/app.js';
import { teamsLine } from '../teams/run.js';
import { type RunningSlack, startSlack } from './app.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * `npm start` with Slack variables, on what the composition root built (src/boot/compose.ts): runs until
 * SIGINT/SIGTERM (or an uncaught exception), then stops taking requests, lets the running ones finish, and
 * only then has the root close the store. Returns the exit code. With Teams configured too, Teams is served
 * from the same process: on Slack's port beside /slack/events in HTTP mode, or on its own server on PORT in
 * Socket Mode (which has none).
 */
export async function runSlack(
  config: Config,
  slackCfg: SlackConfig,
  root: Root,
  logger: Logger,
): Promise<number> {
  // Bolt's Logger is a Log: the same scrubbed lines for ipcheck's own messages.
  const log = logger;
  const base = {
    ctx: root.ctx,
    stores: root.stores,
    clock: root.clock,
    app: root.app,
    ...(root.llm ? { llm: root.llm } : {}),
    ...(root.watchlistFile ? { watchlistFile: root.watchlistFile } : {}),
    log,
  };
  const deps: SlackDeps = {
    ...base,
    exportDir: config.exportDir,
    ...(config.legalChannel ? { legalChannel: config.legalChannel } : {}),
  };
  let running: RunningSlack;
  let teams: RunningTeams | undefined;
  try {
    const t = config.teams
      ? await startTeams(config.teams, base, {
          reminderIntervalMs: config.reminderIntervalMs,
          maxQueued: config.maxQueued,
          ownServer: slackCfg.mode === 'socket',
        })
      : undefined;
    teams = t;
    running = await startSlack(slackCfg, deps, {
      reminderIntervalMs: config.reminderIntervalMs,
      maxQueued: config.maxQueued,
      logger,
      ...(t && slackCfg.mode === 'http' ? { routes: [{ path: '/api/messages', handler: t.handle }] } : {}),
    });
  } catch (e) {
    await root.close();
    throw e;
  }
  const where =
    running.mode === 'socket'
      ? 'Socket Mode'
      : `HTTP mode on http://${slackCfg.host}:${running.port}/slack/events`;
  const legal = config.legalChannel
    ? `legal channel ${config.legalChannel}`
    : 'no legal channel (set IPCHECK_LEGAL_CHANNEL)';
  process.stdout.write(`ipcheck: Slack app running in ${where}; store ${root.storeName}; ${legal}\n`);
  if (config.teams && teams) {
    const port = teams.port ?? running.port;
    process.stdout.write(`ipcheck: ${teamsLine(config.teams, port)}\n`);
  }
  return serveUntilStopped(root, {
    busy: () => running.inFlight.size + (teams?.inFlight.size ?? 0),
    stop: async () => {
      await Promise.all([running.stop(), teams?.stop()]);
    },
  });
}
