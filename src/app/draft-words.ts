import type { Part, Reply } from '../domain/conversation/replies.js';
import { draftTitle } from '../domain/drafting/draft-names.js';
import type { DraftKind } from '../domain/model/draft-kind.js';

// Every sentence a person reads about a draft's buttons (show, edit, regenerate, mark as sent), for every
// channel, as Reply data: `say` where a person is named or their words are handed back (Slack mentions the
// person; Teams writes the name and keeps the words out of markdown), `text` otherwise.

const text = (t: string): Reply => ({ kind: 'text', text: t, tone: 'info' });
const say = (...parts: Part[]): Reply => ({ kind: 'say', parts });
const person = (id: string): Part => ({ person: id });
const quote = (words: string): Part => ({ quote: words });
const title = (kind: DraftKind) => draftTitle(kind, { lower: true });

/**
 * Where an edited draft was written: a form that stays open on a refusal, with the text still in it
 * (Slack's modal), or the draft's own card (Teams), whose refusal hands the text back.
 */
export type EditPlace = 'form' | 'card';

export const DRAFT_WORDS = {
  /** Shown on "Draft …": the case's answers may no longer call for this draft. */
  noSuchDraft: text('There is no such draft for this case (its answers may have changed).'),
  noDraftAnyMore: text('There is no such draft for this case any more.'),
  alreadySent: (by: string | undefined) =>
    say('Already marked as sent by ', by ? person(by) : 'someone', '.'),
  markedSent: (who: string, kind: DraftKind, caseId: string) =>
    say(person(who), ` marked the ${title(kind)} as sent. It is recorded on ${caseId}.`),
  saved: (kind: DraftKind, caseId: string) => text(`Saved the ${title(kind)} on ${caseId}.`),
  empty: (place: EditPlace) =>
    text(
      place === 'form'
        ? 'The subject and the text cannot be empty.'
        : 'The subject and the text both need something; nothing was saved.',
    ),
  /** Someone saved a newer revision since the form or card was opened: nothing is overwritten. */
  changedMeanwhile: (place: EditPlace, subject: string, body: string) =>
    place === 'form'
      ? text(
          'Someone saved a newer version of this draft meanwhile. Close this form and press Edit again to see it.',
        )
      : say(
          'Not saved: someone saved a newer version of this draft meanwhile. Press "Draft the dispute reply" to see it. Your text was:\n\n',
          quote(subject),
          '\n\n',
          quote(body),
        ),
};
