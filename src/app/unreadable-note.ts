import type { UnreadableCase } from './ports.js';

/**
 * "1 case could not be read: IPC-0009 (damaged)." for a list of open cases: the unreadable ones that
 * belong here (`here`: a Slack workspace's, a Teams tenant's; a case with no conversation always does)
 * are named, so they are not silently missing from the list.
 */
export function unreadableNote(
  list: readonly UnreadableCase[],
  here: (conversation: string) => boolean,
): string | undefined {
  const mine = list.filter((u) => !u.conversation || here(u.conversation));
  if (mine.length === 0) return undefined;
  const n = mine.length;
  return `${n} ${n === 1 ? 'case' : 'cases'} could not be read: ${mine.map((u) => `${u.id} (${u.reason})`).join(', ')}. The others are fine; tell your admin.`;
}
