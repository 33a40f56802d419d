import type { CaseRecord } from '../domain/model/case-record.js';
import type { CaseScope, OpenCaseSummary } from './ports.js';

// Which cases a chat conversation may reach. One ipcheck (one store) may serve several Slack workspaces
// (an org-wide install) and several Teams tenants, side by side. A case belongs to the teams of the
// conversations it lives in; from any other team, a case id typed in a command or carried by a button is
// answered exactly like an id that does not exist, so the answer tells the sender nothing about it.
// Every path that reaches a case by id goes through caseVisibleTo: the core's commands (status, open,
// close, export, draft) through the CaseScope port, and the channels' buttons and forms through caseInTeam.
//
// A case opened in the terminal or the CLI has no team: it stays reachable from every channel, as it is
// from the CLI (the operator's own cases). The terminal and the CLI reach every case.

type Scoped = Pick<CaseRecord, 'conversations' | 'channel'> & Pick<Partial<CaseRecord>, 'sellerThread'>;

// Conversation keys of the chat channels: `slack:<workspace>:…` (slack-deps.ts), `teams:<tenant>:…`
// (teams-deps.ts). The channel name is part of the team, so a Slack workspace and a Teams tenant that
// happen to share an id are still two teams.
const TEAM_KEY = /^(slack|teams):([^:]+):/;

/** The team a conversation belongs to (`slack:T0001`, `teams:<tenant id>`), or undefined for none. */
export function teamOf(conversation: string): string | undefined {
  const m = TEAM_KEY.exec(conversation);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

export const slackTeam = (workspace: string) => `slack:${workspace}`;
export const teamsTeam = (tenant: string) => `teams:${tenant}`;

/** The teams a case lives in: those of its conversations, and of its seller thread. */
function teamsOfCase(rec: Scoped): Set<string> {
  const teams = new Set<string>();
  for (const c of rec.conversations) {
    const t = teamOf(c);
    if (t) teams.add(t);
  }
  const seller = rec.sellerThread?.team;
  if (seller && (rec.channel === 'slack' || rec.channel === 'teams')) teams.add(`${rec.channel}:${seller}`);
  return teams;
}

/** Whether `team` may see or act on the case: it is one of the case's teams, or the case has none. */
export function caseInTeam(rec: Scoped, team: string): boolean {
  const teams = teamsOfCase(rec);
  return teams.size === 0 || teams.has(team);
}

/** Whether a case named by id may be shown or changed from `conversation`. */
export function caseVisibleTo(rec: Scoped, conversation: string): boolean {
  const team = teamOf(conversation);
  return team === undefined || caseInTeam(rec, team);
}

/** Whether an open case is listed to `team` ("cases", "list", App Home): only the team's own cases. */
export function listedInTeam(c: Pick<OpenCaseSummary, 'conversation'>, team: string): boolean {
  return c.conversation !== undefined && teamOf(c.conversation) === team;
}

/** Whether an open case is listed to `conversation`: its team's cases, or every case outside a team. */
export function listedTo(c: Pick<OpenCaseSummary, 'conversation'>, conversation: string): boolean {
  const team = teamOf(conversation);
  return team === undefined || listedInTeam(c, team);
}

/** The core's port (ports.ts), as every chat channel's turns use it (turn-deps.ts). */
export const caseScope: CaseScope = { teamOf, visible: caseVisibleTo, listed: listedTo };
