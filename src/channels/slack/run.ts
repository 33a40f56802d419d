import { systemClock } from '../../app/clock.js';
import { loadContext } from '../../app/load-context.js';
import type { Config, SlackConfig } from '../../config.js';
import { openStores } from '../../storage/open-store.js';
import { type RunningSlack, startSlack } from './app.js';
import { makeLogger } from './logger.js';
import { installProcessGuards } from './process-guard.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * `npm start` with Slack variables: runs until SIGINT/SIGTERM (or an uncaught exception), then stops
 * taking requests, lets the running ones finish, and only then closes the store. Returns the exit code.
 */
export async function runSlack(config: Config, slackCfg: SlackConfig): Promise<number> {
  const ctx = { ...(await loadContext()), defaults: config.defaults, timeZone: config.timeZone };
  const stores = await openStores(config.storeUrl, systemClock);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const logger = makeLogger(err);
  const deps: SlackDeps = {
    ctx,
    stores,
    clock: systemClock,
    exportDir: config.exportDir,
    ...(config.legalChannel ? { legalChannel: config.legalChannel } : {}),
    ...(config.watchlistFile ? { watchlistFile: config.watchlistFile } : {}),
    log: {
      info: (m: string) => logger.info(m),
      warn: (m: string) => logger.warn(m),
      error: (m: string) => logger.error(m),
    },
  };
  let running: RunningSlack;
  try {
    running = await startSlack(slackCfg, deps, { reminderIntervalMs: config.reminderIntervalMs, logger });
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
  let uninstall = () => {};
  const code = await new Promise<number>((resolve) => {
    // once: a second Ctrl-C while draining gets Node's default, an immediate exit.
    process.once('SIGINT', () => resolve(0));
    process.once('SIGTERM', () => resolve(0));
    uninstall = installProcessGuards(err, async (exitCode) => resolve(exitCode));
  });
  const busy = running.inFlight.size;
  err(`ipcheck: stopping${busy > 0 ? `; finishing ${busy} running request(s) first` : ''}`);
  try {
    await running.stop();
  } finally {
    await stores.close();
    uninstall();
  }
  // Everything is stopped and the store closed; should a stray socket or timer still hold the event
  // loop open, exit anyway (unref: this timer alone keeps nothing alive).
  setTimeout(() => process.exit(code), 3000).unref();
  return code;
}
