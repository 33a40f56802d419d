import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, LEGAL_ACTION_NAMES } from '../../src/app/actions.js';
import { ACTION, actionNameOf, SLACK_ACTION_IDS } from '../../src/channels/slack/action-ids.js';
import { CARD_ACTIONS, LEGAL_ACTIONS } from '../../src/channels/teams/card-data.js';

// One action vocabulary: Slack's action ids and Teams' card actions are spellings of the app's names.

describe('the action vocabulary', () => {
  it('keeps every Slack wire id that posted buttons carry', () => {
    expect(Object.values(ACTION).sort()).toEqual(
      [
        'ipc_answer',
        'ipc_change',
        'ipc_restart',
        'ipc_draft_dispute',
        'ipc_escalate',
        'ipc_draft_edit',
        'ipc_draft_regenerate',
        'ipc_draft_sent',
        'ipc_legal_ack',
        'ipc_legal_info',
        'ipc_legal_resolve',
        'ipc_link',
      ].sort(),
    );
  });

  it('gives every action but saving a draft (a modal submission in Slack) a Slack button id, and reads it back', () => {
    for (const name of ACTION_NAMES) {
      if (name === 'draft_save') {
        expect(name in SLACK_ACTION_IDS).toBe(false);
        continue;
      }
      const id = SLACK_ACTION_IDS[name];
      expect(actionNameOf(id)).toBe(name);
    }
    expect(actionNameOf(`${ACTION.link}_3`)).toBe('link');
    expect(actionNameOf('ipc_unknown')).toBeUndefined();
  });

  it("names Teams' card actions with the app's names, legal's included", () => {
    for (const a of CARD_ACTIONS) expect(ACTION_NAMES).toContain(a);
    expect(CARD_ACTIONS).not.toContain('draft_edit');
    expect(CARD_ACTIONS).not.toContain('link');
    expect([...LEGAL_ACTIONS].sort()).toEqual([...LEGAL_ACTION_NAMES].sort());
    for (const a of LEGAL_ACTIONS) expect(CARD_ACTIONS).toContain(a);
  });
});
