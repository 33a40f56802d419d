import type { types } from '@slack/bolt';
import type { Draft } from '../../domain/drafting/build-drafts.js';
import { VIEW } from './action-ids.js';
import { clip, splitText } from './render-block-kit.js';

// plain_text_input holds at most 3000 characters, so a longer draft is edited in several boxes.
const PART = 2900;

export function editModal(caseId: string, draft: Draft, rev: number): types.View {
  const parts = splitText(draft.body, PART);
  return {
    type: 'modal',
    callback_id: VIEW.draftEdit,
    private_metadata: JSON.stringify({ c: caseId, d: draft.kind, v: rev }),
    title: { type: 'plain_text', text: clip(`Edit draft ${caseId}`, 24) },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'subject',
        label: { type: 'plain_text', text: 'Subject' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          initial_value: clip(draft.subject, 3000),
          max_length: 3000,
        },
      },
      ...parts.map(
        (p, i): types.InputBlock => ({
          type: 'input',
          block_id: `body_${i}`,
          label: {
            type: 'plain_text',
            text: parts.length > 1 ? `Text (part ${i + 1} of ${parts.length})` : 'Text',
          },
          element: {
            type: 'plain_text_input',
            action_id: 'value',
            multiline: true,
            initial_value: p,
            max_length: 3000,
          },
        }),
      ),
    ],
  };
}

type StateValues = Record<string, Record<string, { value?: string | null }>>;

/** Reads the edit modal back; the parts are joined with the paragraph break they were split at. */
export function readEdit(values: StateValues): { subject: string; body: string } {
  const subject = values.subject?.value?.value?.trim() ?? '';
  const parts = Object.keys(values)
    .filter((k) => k.startsWith('body_'))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
    .map((k) => values[k]?.value?.value ?? '');
  return { subject, body: parts.join('\n\n').trim() };
}
