import type { App, types } from '@slack/bolt';
import { listedInTeam, slackTeam } from '../../app/case-scope.js';
import type { OpenCaseSummary } from '../../app/ports.js';
import { unreadableNote } from '../../app/unreadable-note.js';
import { todayFor } from '../../domain/conversation/outcome.js';
import { computeDeadlines, nextDeadline } from '../../domain/decision/deadlines.js';
import { formatDay } from '../../domain/model/dates.js';
import { inWorkspace } from './case-ops.js';
import type { LegalMembers } from './legal-members.js';
import { clip, escapeMrkdwn } from './render-block-kit.js';
import type { SlackDeps } from './slack-deps.js';

type Block = types.KnownBlock;
const MAX_ROWS = 20;

interface Row {
  c: OpenCaseSummary;
  next?: { label: string; date: string; daysLeft: number };
}

function rows(cases: OpenCaseSummary[], deps: SlackDeps): Row[] {
  const today = todayFor(deps.ctx, deps.clock.now());
  return cases.map((c) => {
    const next = nextDeadline(computeDeadlines(c.facts, today, deps.ctx.kb, { details: c.details }));
    return { c, ...(next ? { next } : {}) };
  });
}

function line(r: Row): string {
  const listing = r.c.listingId ? `${r.c.platform ?? ''} ${r.c.listingId}` : 'no listing yet';
  const next = r.next
    ? ` · next: ${r.next.label}, *${formatDay(r.next.date)}* (${r.next.daysLeft} days)`
    : '';
  const legal = r.c.escalation ? ` · legal: ${r.c.escalation}` : '';
  return `• *${r.c.id}* ${escapeMrkdwn(listing)} · ${r.c.status}${legal}${next}`;
}

/** The App Home tab: a seller's open cases; for legal, open escalations by nearest deadline first. */
export function homeView(
  all: OpenCaseSummary[],
  user: string,
  isLegal: boolean,
  deps: SlackDeps,
  /** "1 case could not be read: …", shown rather than leaving the case silently out. */
  unreadable?: string,
): types.View {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'ipcheck' } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'IP complaints: delist, dispute or escalate. `/ipcheck <listing>` opens a case. Not legal advice.',
        },
      ],
    },
  ];
  if (isLegal) {
    const esc = rows(
      all.filter((c) => c.escalation && c.escalation !== 'resolved'),
      deps,
    ).sort((a, b) => (a.next?.date ?? '9999').localeCompare(b.next?.date ?? '9999'));
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Open escalations (${esc.length})*, nearest deadline first` },
    });
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(esc.length ? esc.slice(0, MAX_ROWS).map(line).join('\n') : 'None. Nice.', 3000),
      },
    });
  }
  const mine = rows(
    all.filter((c) => c.openedBy === user),
    deps,
  ).sort((a, b) => b.c.updatedAt.localeCompare(a.c.updatedAt));
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Your open cases (${mine.length})*` } });
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: clip(
        mine.length
          ? mine.slice(0, MAX_ROWS).map(line).join('\n')
          : 'None open. Use `/ipcheck <listing>` when a complaint arrives.',
        3000,
      ),
    },
  });
  if (unreadable)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`:warning: ${escapeMrkdwn(unreadable)}`, 3000) }],
    });
  return { type: 'home', blocks };
}

export function registerHome(app: App, deps: SlackDeps, members: LegalMembers): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    try {
      const [report, isLegal] = await Promise.all([
        deps.stores.cases.listOpenReport(),
        members.isMember(client, event.user),
      ]);
      const note = unreadableNote(report.unreadable, inWorkspace(body.team_id));
      // Only this workspace's cases: a legal member of one workspace never sees another's escalations.
      const here = report.cases.filter((c) => listedInTeam(c, slackTeam(body.team_id)));
      await client.views.publish({
        user_id: event.user,
        view: homeView(here, event.user, isLegal, deps, note),
      });
    } catch (err) {
      deps.log.error(`app home for ${event.user} failed: ${(err as Error).message}`);
    }
  });
}
