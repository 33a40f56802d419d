import type { Root } from '../../boot/compose.js';
import type { Config, TeamsConfig } from '../../boot/config.js';
import type { Log } from '../shared/logger.js';
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

/**
 * `npm start` with Teams alone (no SLACK_BOT_TOKEN), on what the composition root built (src/boot/compose.ts):
 * serves /api/messages until stopped; the root closes the store once the running work is done.
 */
export async function runTeams(config: Config, cfg: TeamsConfig, root: Root, log: Log): Promise<number> {
  let running: Awaited<ReturnType<typeof startTeams>>;
  try {
    running = await startTeams(
      cfg,
      {
        ctx: root.ctx,
        stores: root.stores,
        clock: root.clock,
        app: root.app,
        log,
        ...(root.llm ? { llm: root.llm } : {}),
        ...(root.watchlistFile ? { watchlistFile: root.watchlistFile } : {}),
      },
      {
        reminderIntervalMs: config.reminderIntervalMs,
        maxQueued: config.maxQueued,
        ownServer: true,
      },
    );
  } catch (e) {
    await root.close();
    throw e;
  }
  process.stdout.write(`ipcheck: ${teamsLine(cfg, running.port)}; store ${root.storeName}\n`);
  return serveUntilStopped(root, { busy: () => running.inFlight.size, stop: () => running.stop() });
}
