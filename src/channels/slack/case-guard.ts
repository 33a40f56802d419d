import { LEGAL_WORDS } from '../../app/legal-words.js';
import type { CaseRecord } from '../../domain/model/case-record.js';
import { otherWorkspace } from './case-ops.js';
import { slackText } from './legal.js';

// A button or a form names its case by id, and that id came over the network. Which button may act
// where is the app's rule (src/app/button-guard.ts); a form names its case in its metadata, and that case
// must be of the submitter's workspace. Another workspace's case is answered exactly like a case that does
// not exist, so a forged id tells the sender nothing about it.

export const FORM_NOT_HERE = slackText(LEGAL_WORDS.formNotHere);

/** A form (modal) names its case in its metadata: that case must be of the submitter's workspace. */
export function formRefusal(rec: CaseRecord | undefined, team: string): string | undefined {
  return !rec || otherWorkspace(rec, team) ? FORM_NOT_HERE : undefined;
}
