// The core without I/O: the decision with its deadlines and drafts, one conversation step (a button
// answer → the replies), and whole cases through runTurn on a memory store (the store's cost is measured
// apart, in store-bench.ts).

import { LocalKv } from '../adapters/storage/local-kv.js';
import { storesOn } from '../adapters/storage/open-store.js';
import { runTurn } from '../app/turn.js';
import { fixedClock } from '../boot/clock.js';
import { loadContext } from '../boot/load-context.js';
import { buildOutcome } from '../domain/conversation/outcome.js';
import type { Reply } from '../domain/conversation/replies.js';
import { step } from '../domain/conversation/step.js';
import { newCase } from '../domain/model/case-state.js';
import type { Facts } from '../domain/model/facts.js';
import { fmtRate, perSec, type Report, timeIt } from './report.js';

const clock = fixedClock('2026-11-28T10:00:00Z');

type Question = Extract<Reply, { kind: 'question' }>;
const questionIn = (replies: Reply[]) => replies.find((r): r is Question => r.kind === 'question');

export async function benchCore(report: Report): Promise<void> {
  const ctx = await loadContext();
  const facts: Facts = {
    platform: 'aliexpress',
    listingId: '1005006123456789',
    notice: 'court_or_tro',
    listingIsOurs: 'yes',
    ipType: 'trademark',
    usesTheirIp: 'yes',
    rights: 'none',
    inventory: 'large_keep_selling',
    noticeDate: '2026-11-20',
  };
  const n = 3000;
  const ms = await timeIt(n, () => buildOutcome({ facts, details: {}, today: '2026-11-28' }, ctx));
  report(
    'decision + deadlines + drafts (buildOutcome)',
    `${fmtRate(n, ms)}  (${(ms / n).toFixed(3)} ms each)`,
    {
      per_s: perSec(n, ms),
      ms_each: ms / n,
    },
  );

  // One step: the case after the seller's first message, then a button press on its first question.
  const now = clock.now();
  const opened = step(
    ctx,
    newCase('IPC-0001'),
    { type: 'start', text: 'got a complaint on https://www.aliexpress.com/item/1005006123456789.html' },
    now,
  );
  const q = questionIn(opened.replies);
  const choice = q?.choices[0];
  if (!q || !choice) throw new Error('bench: the first message asked no question');
  const press = { type: 'answer' as const, questionId: q.questionId, value: choice.value, seq: q.seq };
  const steps = 5000;
  const stepMs = await timeIt(steps, () => step(ctx, opened.state, press, now));
  report(
    `one turn in the core: button answer → replies (step)`,
    `${(stepMs / steps).toFixed(3)} ms  (${fmtRate(steps, stepMs)})`,
    { ms_each: stepMs / steps, per_s: perSec(steps, stepMs) },
  );

  const stores = storesOn(LocalKv.memory(), clock);
  const deps = { ctx, cases: stores.cases, reminders: stores.reminders, clock };
  const lines = [
    'got a trademark complaint on 1005006123456789, their logo is on the product',
    '1',
    'none',
    '2',
    'yesterday',
  ];
  const convs = 300;
  let decided = 0;
  const t = await timeIt(convs, async (i) => {
    for (const text of lines) {
      const r = await runTurn(deps, {
        conversation: `c${i}`,
        who: 'bench',
        channel: 'bench',
        event: { type: 'text', text },
      });
      if (r.replies.some((x) => x.kind === 'outcome')) decided++;
    }
  });
  report(
    `whole case to its decision, ${lines.length} turns (runTurn, memory store)`,
    `${(t / convs).toFixed(2)} ms per case, ${(t / convs / lines.length).toFixed(2)} ms per turn`,
    { ms_per_case: t / convs, ms_per_turn: t / convs / lines.length, cases_decided: decided },
  );
  if (decided !== convs) report('whole case: cases that reached a decision', `${decided} of ${convs}`);
}
