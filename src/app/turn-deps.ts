import { type AppDepsSource, appDeps } from './app-deps.js';
import type { TurnDeps } from './turn.js';

/**
 * The core's deps for one turn: the same store, clock, model, team catalog and case scope (a team reaches
 * only its own cases by id) in every chat channel. They are the channel's AppDeps.
 */
export const turnDeps = (deps: AppDepsSource): TurnDeps => appDeps(deps);
