// What follows legal's change to a case (acknowledged, resolved, a question asked), for every channel, once
// the case has recorded it: the notices first (the seller, the legal thread), then the legal parent post
// re-rendered. Each is a step of its own: a parent that cannot be updated (deleted: Slack's
// message_not_found, Teams' 404) never keeps a notice from going out, and a failed notice never hides the
// others. The person who acted is then told what is true: recorded, who was told, what could not be done.

export interface LegalNotice {
  /** Who it tells, in a sentence: "the seller", "this legal thread". */
  who: string;
  post: () => Promise<unknown>;
}

export interface LegalNews {
  caseId: string;
  /** The change, as a participle: "acknowledged", "resolved", "asked the seller". */
  done: string;
  notices: LegalNotice[];
  /** Re-renders the legal parent post (status and buttons); absent when the change does not show there. */
  refreshParent?: () => Promise<unknown>;
}

const and = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/**
 * Sends the notices, then refreshes the parent, each on its own. Returns what to tell the person who acted
 * when something could not be done, or undefined when everything went out.
 */
export async function spreadLegalNews(
  news: LegalNews,
  log: (line: string) => void,
): Promise<string | undefined> {
  const told: string[] = [];
  const missed: string[] = [];
  for (const n of news.notices) {
    try {
      await n.post();
      told.push(n.who);
    } catch (err) {
      log(`${news.caseId}: telling ${n.who} failed: ${(err as Error).message}`);
      missed.push(n.who);
    }
  }
  let parentUpdated = true;
  if (news.refreshParent) {
    try {
      await news.refreshParent();
    } catch (err) {
      log(`${news.caseId}: updating the legal post failed: ${(err as Error).message}`);
      parentUpdated = false;
    }
  }
  if (missed.length === 0 && parentUpdated) return undefined;
  let text = `${news.caseId} is ${news.done}: that is recorded on the case`;
  text += told.length > 0 ? `, and ${and(told)} ${told.length > 1 ? 'were' : 'was'} told.` : '.';
  if (missed.length > 0) text += ` I could not tell ${and(missed)}: please do it yourself.`;
  if (!parentUpdated)
    text += ` The case's post in the legal channel could not be updated (it may have been deleted), so it may still show the old status and buttons.`;
  return text;
}
