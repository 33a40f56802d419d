import { openStores } from '../../adapters/storage/open-store.js';
import { systemClock } from '../../boot/clock.js';
import type { Config, TeamsConfig } from '../../boot/config.js';
import { createLanguageModel } from '../../boot/create-llm.js';
import { loadContext } from '../../boot/load-context.js';
import { keepSecrets, makeLogger, secretsOf } from '../shared/logger.js';
import { serveUntilStopped } from '../shared/serve-until-stopped.js';
import { startTeams } from './app.js';

/** The startup line: where Teams listens, in which mode, and the legal channel. */
export function teamsLine(cfg: TeamsConfig, port: number | undefined): string {
  const mode = cfg.appId
    ? `app ${cfg.appId}; unsigned requests are refused`
    : 'local mode (no MicrosoftAppId: unsigned requests accepted, for the Agents Playground)';
  const legal = cfg.legalChannel
    ? `legal channel ${cfg.legalChannel}`
    : 'no legal channel (set IPCHECK_TEAMS_LEGAL_CHANNEL)';
  return `Teams bot on http://${cfg.host}:${port ?? cfg.port}/api/messages, ${mode}; ${legal}`;
}

/** `npm start` with Teams alone (no SLACK_BOT_TOKEN): serves /api/messages until stopped. */
export async function runTeams(config: Config, cfg: TeamsConfig): Promise<number> {
  keepSecrets(secretsOf(config));
  const ctx = { ...(await loadContext()), defaults: config.defaults, timeZone: config.timeZone };
  const logger = makeLogger((line: string) => process.stderr.write(`${line}\n`));
  // This process owns an SQLite store (a second one on the same file is refused at startup).
  const stores = await openStores(config.storeUrl, systemClock, { owner: 'teams', log: logger });
  // Bolt's Logger is a Log: the same scrubbed lines for ipcheck's own messages.
  const log = logger;
  const llm = await createLanguageModel(config.llm, (m, level) => logger[level](m));
  let running: Awaited<ReturnType<typeof startTeams>>;
  try {
    running = await startTeams(
      cfg,
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
        ownServer: true,
      },
    );
  } catch (e) {
    await stores.close();
    throw e;
  }
  process.stdout.write(`ipcheck: ${teamsLine(cfg, running.port)}; store ${stores.kv.describe}\n`);
  return serveUntilStopped(stores, { busy: () => running.inFlight.size, stop: () => running.stop() });
}
