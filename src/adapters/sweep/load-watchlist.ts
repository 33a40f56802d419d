import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { SweepInputError } from './decode.js';
import { type Mark, mergeMarks, parseWatchlist } from './watchlist.js';

export const WATCHLIST_FILE = join(PROJECT_ROOT, 'knowledge', 'watchlist.txt');

export interface LoadedMarks {
  marks: Mark[];
  /** Lines of the team's file that were ignored, e.g. "watchlist.txt line 4: "A" ignored: …". */
  problems: string[];
}

/** The shipped watchlist plus the team's own file (IPCHECK_WATCHLIST), merged. */
export async function loadMarks(teamFile?: string): Promise<LoadedMarks> {
  const base = parseWatchlist(await readFile(WATCHLIST_FILE, 'utf8'), 'watchlist');
  const problems = base.problems.map((p) => `knowledge/watchlist.txt line ${p.line}: ${p.message}`);
  if (!teamFile) return { marks: base.marks, problems };
  let text: string;
  try {
    text = await readFile(teamFile, 'utf8');
  } catch (err) {
    throw new SweepInputError(
      `the team watchlist ${teamFile} (IPCHECK_WATCHLIST) cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const team = parseWatchlist(text, 'team');
  problems.push(...team.problems.map((p) => `${teamFile} line ${p.line}: ${p.message}`));
  return { marks: mergeMarks(base.marks, team.marks), problems };
}
