import type { DraftEditorPort, DraftPort, ShownDraft } from '../../src/app/drafts.js';
import { runTurn } from '../../src/app/turn.js';
import { line, type World } from './legal-fakes.js';

// A decided case and a draft port that records what it was asked to show: no Slack, no Teams.

const NOT_OURS = 'complaint on B0C1234567 on 2026-11-27, we never listed it';
export const SELLER_THREAD = 'slack:T1:C1:100.1';

/** A case decided through the real turn (a listing the seller never had): it has a dispute reply. */
export async function decidedCase(w: World): Promise<string> {
  const input = { conversation: SELLER_THREAD, who: 'SELLER', channel: 'slack' };
  const r = await runTurn(w.app, { ...input, event: { type: 'text', text: NOT_OURS } });
  await runTurn(w.app, { ...input, event: { type: 'text', text: 'yes' } });
  if (!r.caseId) throw new Error('no case was opened');
  return r.caseId;
}

export function draftPort() {
  const rec = {
    told: [] as string[],
    sent: [] as string[],
    shown: [] as ShownDraft[],
    replaced: [] as ShownDraft[],
    editors: [] as ShownDraft[],
  };
  const port: DraftPort & DraftEditorPort = {
    send: async (rs) => void rec.sent.push(...rs.map(line)),
    tell: async (r) => void rec.told.push(line(r)),
    showDraft: async (d) => void rec.shown.push(d),
    replaceDraft: async (d) => void rec.replaced.push(d),
    openEditor: async (d) => void rec.editors.push(d),
  };
  return { port, rec };
}
