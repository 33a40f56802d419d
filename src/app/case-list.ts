import { todayFor } from '../domain/conversation/outcome.js';
import { computeDeadlines, type Deadline, nextDeadline } from '../domain/decision/deadlines.js';
import type { AppDeps } from './app-deps.js';
import { listedInTeam, teamOf } from './case-scope.js';
import type { OpenCaseSummary } from './ports.js';
import { unreadableNote } from './unreadable-note.js';

// The open cases a team sees in a list (Slack's `/ipcheck list` and App Home, Teams' `ipcheck list`): only
// the team's own (one store may serve several workspaces and tenants), each with its next deadline, and the
// open cases that could not be read named rather than silently left out. The channels only render it.

export interface CaseRow {
  c: OpenCaseSummary;
  /** The nearest deadline still ahead, if the case has one. */
  next?: Deadline;
}

export interface CaseList {
  rows: CaseRow[];
  /** "1 case could not be read: …", when some of the team's open cases could not be read. */
  unreadable?: string;
}

/**
 * The open cases of `team` (`slack:T0001`, `teams:<tenant>`), in the store's order. An unreadable case is
 * named to the team it belongs to, and to every team when it belongs to none (one opened in the terminal,
 * or whose conversation could not be read either): the rule caseInTeam follows for reaching a case by id.
 */
export async function teamCaseList(app: AppDeps, team: string): Promise<CaseList> {
  const report = await app.cases.listOpenReport();
  const today = todayFor(app.ctx, app.clock.now());
  const rows = report.cases
    .filter((c) => listedInTeam(c, team))
    .map((c) => {
      const next = nextDeadline(computeDeadlines(c.facts, today, app.ctx.kb, { details: c.details }));
      return { c, ...(next ? { next } : {}) };
    });
  const unreadable = unreadableNote(report.unreadable, (conversation) => {
    const t = teamOf(conversation);
    return t === undefined || t === team;
  });
  return { rows, ...(unreadable ? { unreadable } : {}) };
}
