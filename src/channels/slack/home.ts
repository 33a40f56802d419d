import type { App, types } from '@slack/bolt';
import { appDeps } from '../../app/app-deps.js';
import { type CaseList, type CaseRow as Row, teamCaseList } from '../../app/case-list.js';
import { slackTeam } from '../../app/case-scope.js';
import { formatDay } from '../../domain/model/dates.js';
import type { LegalMembers } from './legal-members.js';
import { clip, escapeMrkdwn } from './render-block-kit.js';
import type { SlackDeps } from './slack-deps.js';

type Block = types.KnownBlock;
const MAX_ROWS = 20;

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
  /** The workspace's open cases; its unreadable ones are named rather than silently left out. */
  { rows, unreadable }: CaseList,
  user: string,
  isLegal: boolean,
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
    const esc = rows
      .filter(({ c }) => c.escalation && c.escalation !== 'resolved')
      .sort((a, b) => (a.next?.date ?? '9999').localeCompare(b.next?.date ?? '9999'));
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
  const mine = rows
    .filter(({ c }) => c.openedBy === user)
    .sort((a, b) => b.c.updatedAt.localeCompare(a.c.updatedAt));
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
      // Only this workspace's cases: a legal member of one workspace never sees another's escalations.
      const [list, isLegal] = await Promise.all([
        teamCaseList(appDeps(deps), slackTeam(body.team_id)),
        members.isMember(client, event.user),
      ]);
      await client.views.publish({ user_id: event.user, view: homeView(list, event.user, isLegal) });
    } catch (err) {
      deps.log.error(`app home for ${event.user} failed: ${(err as Error).message}`);
    }
  });
}
