import { openStores } from '../../adapters/storage/open-store.js';
import { systemClock } from '../../boot/clock.js';
import type { Config, SlackConfig } from '../../boot/config.js';
import { createLanguageModel } from '../../boot/create-llm.js';
import { loadContext } from '../../boot/load-context.js';
import { keepSecrets, makeLogger, secretsOf } from '../shared/logger.js';
import { serveUntilStopped } from '../shared/serve-until-stopped.js';
import { type RunningTeams, startTeams } from '../teams/app.js';
import { teamsLine } from '../teams/run.js';
import { type RunningSlack, startSlack } from './app.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * `npm start` with Slack variables: runs until SIGINT/SIGTERM (or an uncaught exception), then stops
 * taking requests, lets the running ones finish, and only then closes the store. Returns the exit code.
 * With Teams configured too, Teams is served from the same process: on Slack's port beside
 * /slack/events in HTTP mode, or on its own server on PORT in Socket Mode (which has none).
 */
export async function runSlack(config: Config, slackCfg: SlackConfig): Promise<number> {
  keepSecrets(secretsOf(config));
  const ctx = { ...(await loadContext()), defaults: config.defaults, timeZone: config.timeZone };
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const logger = makeLogger(err);
  // This process owns an SQLite store (a second one on the same file is refused at startup).
  const stores = await openStores(config.storeUrl, systemClock, {
    owner: config.teams ? 'slack+teams' : 'slack',
    log: logger,
  });
  // Model failures at warn: the logger's level drops info lines.
  const llm = await createLanguageModel(config.llm, (m, level) => logger[level](m));
  // Bolt's Logger is a Log: the same scrubbed lines for ipcheck's own messages.
  const log = logger;
  const deps: SlackDeps = {
    ...(llm ? { llm } : {}),
    ctx,
    stores,
    clock: systemClock,
    exportDir: config.exportDir,
    ...(config.legalChannel ? { legalChannel: config.legalChannel } : {}),
    ...(config.watchlistFile ? { watchlistFile: config.watchlistFile } : {}),
    log,
  };
  let running: RunningSlack;
  let teams: RunningTeams | undefined;
  try {
    const t = config.teams
      ? await startTeams(
          config.teams,
          {
            ctx,
            stores,
            clock: systemClock,
            log,
            ...(llm ? { llm } : {}),
            ...(config.watchlistFile ? { watchlistFile: config.watchlistFile } : {}),
          },
          {
            reminderIntervalMs: config.reminderIntervalMs,
            maxQueued: config.maxQueued,
            ownServer: slackCfg.mode === 'socket',
          },
        )
      : undefined;
    teams = t;
    running = await startSlack(slackCfg, deps, {
      reminderIntervalMs: config.reminderIntervalMs,
      maxQueued: config.maxQueued,
      logger,
      ...(t && slackCfg.mode === 'http' ? { routes: [{ path: '/api/messages', handler: t.handle }] } : {}),
    });
  } catch (e) {
    await stores.close();
    throw e;
  }
  const where =
    running.mode === 'socket'
      ? 'Socket Mode'
      : `HTTP mode on http://${slackCfg.host}:${running.port}/slack/events`;
  const legal = config.legalChannel
    ? `legal channel ${config.legalChannel}`
    : 'no legal channel (set IPCHECK_LEGAL_CHANNEL)';
  process.stdout.write(`ipcheck: Slack app running in ${where}; store ${stores.kv.describe}; ${legal}\n`);
  if (config.teams && teams) {
    const port = teams.port ?? running.port;
    process.stdout.write(`ipcheck: ${teamsLine(config.teams, port)}\n`);
  }
  return serveUntilStopped(stores, {
    busy: () => running.inFlight.size + (teams?.inFlight.size ?? 0),
    stop: async () => {
      await Promise.all([running.stop(), teams?.stop()]);
    },
  });
}
