import { beforeEach, describe, expect, it } from 'vitest';
import {
  editDraft,
  markDraftSent,
  regenerateDraft,
  saveDraft,
  saveDraftFromCard,
  showDraft,
} from '../../src/app/drafts.js';
import { decidedCase, draftPort } from './draft-fakes.js';
import { line, NOW, type World, world } from './legal-fakes.js';

let w: World;
let id: string;
beforeEach(async () => {
  w = await world();
  id = await decidedCase(w);
});

const audit = async (action: string) =>
  ((await w.stores.cases.get(id))?.audit ?? []).filter((e) => e.action === action).length;
const edit = { subject: 'Our subject', body: 'Our own words.', fromRev: 0 };

describe('app: showing and editing a draft', () => {
  it('shows the template draft, unedited and at revision 0, and nothing to the presser', async () => {
    const { port, rec } = draftPort();
    await showDraft(w.app, port, { caseId: id, who: 'LEE' });
    expect(rec.shown).toHaveLength(1);
    expect(rec.shown[0]).toMatchObject({ caseId: id, rev: 0, edited: false });
    expect(rec.shown[0]?.draft.kind).toBe('dispute_reply');
    expect(rec.shown[0]?.sent).toBeUndefined();
    expect(rec.told).toEqual([]);
  });

  it('a case or draft that is not there is told, and nothing is shown or opened', async () => {
    const { port, rec } = draftPort();
    await showDraft(w.app, port, { caseId: 'IPC-9999', who: 'LEE' });
    await editDraft(w.app, port, { caseId: id, kind: 'plan_of_action', who: 'LEE' });
    expect(rec.told).toEqual([
      'There is no such draft for this case (its answers may have changed).',
      'There is no such draft for this case any more.',
    ]);
    expect(rec.shown).toEqual([]);
    expect(rec.editors).toEqual([]);
  });

  it('a saved edit is a new revision: shown as edited, and the editor opens on it', async () => {
    const r = await saveDraft(w.app, { caseId: id, who: 'LEE', ...edit, place: 'form' });
    expect(r).toMatchObject({ ok: true, shown: { rev: 1, edited: true } });
    const { port, rec } = draftPort();
    await showDraft(w.app, port, { caseId: id, who: 'LEE' });
    await editDraft(w.app, port, { caseId: id, who: 'LEE' });
    expect(rec.shown[0]?.draft).toMatchObject({ subject: 'Our subject', body: 'Our own words.' });
    expect(rec.editors[0]).toMatchObject({ rev: 1, edited: true });
    expect(await audit('draft_edited')).toBe(1);
  });

  it('an edit from an older revision is refused, nothing overwritten; a card hands the text back', async () => {
    await saveDraft(w.app, { caseId: id, who: 'LEE', ...edit, place: 'card' });
    const version = (await w.stores.cases.get(id))?.version;
    const stale = { caseId: id, who: 'ANA', subject: 'Mine', body: 'My words.', fromRev: 0 };
    const form = await saveDraft(w.app, { ...stale, place: 'form' });
    const card = await saveDraft(w.app, { ...stale, place: 'card' });
    expect(form.ok || card.ok).toBe(false);
    if (form.ok || card.ok) return;
    expect(line(form.refusal)).toBe(
      'Someone saved a newer version of this draft meanwhile. Close this form and press Edit again to see it.',
    );
    expect(line(card.refusal)).toContain('Your text was:\n\nMine\n\nMy words.');
    expect((await w.stores.cases.get(id))?.version).toBe(version);
  });

  it('an empty edit, or one naming another team’s case, changes nothing', async () => {
    const empty = await saveDraft(w.app, { caseId: id, who: 'LEE', ...edit, body: '  ', place: 'card' });
    expect(empty.ok).toBe(false);
    if (!empty.ok)
      expect(line(empty.refusal)).toBe('The subject and the text both need something; nothing was saved.');
    const other = await saveDraft(w.app, {
      caseId: id,
      who: 'LEE',
      ...edit,
      place: 'form',
      team: 'slack:T2',
    });
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(line(other.refusal)).toBe(
        'This form does not belong to a case in this workspace, so nothing was changed.',
      );
      expect(other.rec).toBeUndefined();
    }
    expect(await audit('draft_edited')).toBe(0);
  });

  it('Save on a card shows the card at its new revision and says so', async () => {
    const { port, rec } = draftPort();
    await saveDraftFromCard(w.app, port, { caseId: id, who: 'LEE', ...edit });
    expect(rec.replaced).toHaveLength(1);
    expect(rec.replaced[0]).toMatchObject({ caseId: id, rev: 1, edited: true });
    expect(rec.sent).toEqual([`Saved the dispute reply (to the platform) on ${id}.`]);
  });
});

describe('app: regenerating a draft', () => {
  it('drops the team’s edit and shows the draft built from the case again', async () => {
    await saveDraft(w.app, { caseId: id, who: 'LEE', ...edit, place: 'form' });
    const { port, rec } = draftPort();
    await regenerateDraft(w.app, port, { caseId: id, who: 'LEE' });
    expect(rec.shown).toHaveLength(1);
    expect(rec.shown[0]).toMatchObject({ rev: 0, edited: false });
    expect(rec.shown[0]?.draft.subject).not.toBe('Our subject');
    expect((await w.stores.cases.get(id))?.drafts).toEqual([]);
  });
});

describe('app: marking a draft as sent', () => {
  it('records it once, shows the pressed draft as sent and says who; the second press is told who did', async () => {
    const { port, rec } = draftPort();
    await Promise.all([
      markDraftSent(w.app, port, { caseId: id, who: 'LEE' }),
      markDraftSent(w.app, port, { caseId: id, who: 'ANA' }),
    ]);
    expect(await audit('draft_sent')).toBe(1);
    expect(rec.replaced).toHaveLength(1);
    const by = rec.replaced[0]?.sent?.by;
    expect(rec.replaced[0]?.sent).toEqual({ by, at: NOW.toISOString() });
    expect(rec.sent).toEqual([
      `@${by} marked the dispute reply (to the platform) as sent. It is recorded on ${id}.`,
    ]);
    expect(rec.told).toEqual([`Already marked as sent by @${by}.`]);
  });

  it('a sent draft is shown as sent, with whom', async () => {
    const { port, rec } = draftPort();
    await markDraftSent(w.app, port, { caseId: id, who: 'LEE' });
    await showDraft(w.app, port, { caseId: id, who: 'ANA' });
    expect(rec.shown[0]?.sent).toEqual({ by: 'LEE', at: NOW.toISOString() });
  });

  it('a draft the case no longer has is told, and nothing recorded', async () => {
    const { port, rec } = draftPort();
    await markDraftSent(w.app, port, { caseId: id, kind: 'plan_of_action', who: 'LEE' });
    expect(rec.told).toEqual(['There is no such draft for this case any more.']);
    expect(await audit('draft_sent')).toBe(0);
  });
});
