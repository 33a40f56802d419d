import type { webApi } from '@slack/bolt';
import type { Stores } from '../../adapters/storage/open-store.js';
import type { AppDeps } from '../../app/app-deps.js';
import type { Clock, LanguageModel } from '../../app/ports.js';
import type { CoreContext } from '../../domain/conversation/outcome.js';

export type WebClient = webApi.WebClient;

import type { Log } from '../shared/logger.js';

export type { Log };

/** What every Slack handler needs; built by the composition root (src/boot/compose.ts) and run.ts. */
export interface SlackDeps {
  ctx: CoreContext;
  /** The app's ports (the root's AppDeps); `appDeps(deps)` hands them to the use cases. */
  app?: AppDeps;
  /** The store behind the ports, for code not yet moved into src/app. */
  stores: Stores;
  clock: Clock;
  /** The channel escalations go to (IPCHECK_LEGAL_CHANNEL); without it, escalation says how to set it. */
  legalChannel?: string;
  exportDir: string;
  /** The team's own watchlist additions for the store sweep (IPCHECK_WATCHLIST). */
  watchlistFile?: string;
  log: Log;
  /** The optional language model (OPENAI_API_KEY); the core decides when to call it. */
  llm?: LanguageModel;
}

export const threadKey = (team: string, channel: string, ts: string) => `slack:${team}:${channel}:${ts}`;
export const dmKey = (team: string, channel: string) => `slack:${team}:${channel}`;

/** The channel name Slack's cases carry (`CaseRecord.channel`): its reminders are posted by Slack's loop. */
export const CHANNEL = 'slack';
