import type { Stores } from '../../adapters/storage/open-store.js';
import type { AppDeps } from '../../app/app-deps.js';
import type { Clock, LanguageModel } from '../../app/ports.js';
import type { CoreContext } from '../../domain/conversation/outcome.js';
import type { Log } from '../shared/logger.js';
import type { BotAdapter, InActivity } from './bot-adapter.js';

/** What every Teams handler needs; built in app.ts on what the composition root (src/boot/compose.ts) gives. */
export interface TeamsDeps {
  ctx: CoreContext;
  /** The app's ports (the root's AppDeps); `appDeps(deps)` hands them to the use cases. */
  app?: AppDeps;
  /** The store behind the ports, for code not yet moved into src/app. */
  stores: Stores;
  clock: Clock;
  adapter: BotAdapter;
  /** The Teams channel escalations go to (IPCHECK_TEAMS_LEGAL_CHANNEL, `19:…@thread.tacv2`). */
  legalChannel?: string;
  log: Log;
  /** The optional language model (OPENAI_API_KEY): reads free text, answers questions, polishes drafts. */
  llm?: LanguageModel;
  /** IPCHECK_WATCHLIST: the marks the store sweep looks for (the built-in list without it). */
  watchlistFile?: string;
  /** No MicrosoftAppId (the Agents Playground, the tests): files may also come from loopback over http. */
  localMode?: boolean;
}

export const CHANNEL = 'teams';

const tenantOf = (a: InActivity) => a.conversation.tenantId ?? a.channelData?.tenant?.id ?? 'local';

/** A Teams conversation as a case conversation key: a personal chat, a group chat, or one channel thread. */
export const convKey = (a: InActivity) => `teams:${tenantOf(a)}:${a.conversation.id}`;

/** The channel a conversation id is in: a channel thread's id is `<channel id>;messageid=<root post>`. */
export const channelOf = (conversationId: string) => conversationId.split(';')[0] ?? conversationId;

/** Who acted, for the audit trail and for what others are told: the display name Teams sends. */
export const whoOf = (a: InActivity) => a.from.name?.trim() || a.from.aadObjectId || a.from.id;
