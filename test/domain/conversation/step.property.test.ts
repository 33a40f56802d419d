import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { storesOn } from '../../../src/adapters/storage/open-store.js';
import { runTurn } from '../../../src/app/turn.js';
import { fixedClock } from '../../../src/boot/clock.js';
import type { CoreContext } from '../../../src/domain/conversation/outcome.js';
import { QUESTIONS } from '../../../src/domain/conversation/questions.js';
import type { Reply } from '../../../src/domain/conversation/replies.js';
import { type CoreEvent, step } from '../../../src/domain/conversation/step.js';
import { CaseRecord } from '../../../src/domain/model/case-record.js';
import { CaseState, newCase, pendingId } from '../../../src/domain/model/case-state.js';
import { testContext } from '../../helpers/context.js';

// Any sequence of events, sensible or not (texts, fresh and stale button answers, answers to questions that
// were never asked, values no choice has, commands in any order), leaves a case that passes its own schema,
// and no step throws. The stored-case version runs the same through runTurn and a real (memory) store.

let ctx: CoreContext;
beforeAll(async () => {
  ctx = await testContext();
});

type Question = Extract<Reply, { kind: 'question' }>;
const NOW = new Date('2026-11-28T10:00:00Z');

const TEXTS = [
  'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product',
  'complaint on B0C1234567, we never listed it',
  'we got court papers, a TRO, our funds are frozen',
  'a letter from their law firm',
  'design patent',
  'no rights',
  'we have an authorization letter',
  'yesterday',
  '2026-11-20',
  '3/11',
  'actually it is about 1005006999999999',
  'should we delete our sales records?',
  'can I ignore it?',
  '1',
  '2',
  '3',
  '99',
  'yes',
  'no',
  'back',
  'change',
  'skip',
  'restart',
  'help',
  '',
  '\u0000\uD800\u202E\u200B',
  'x'.repeat(25_000),
];

/** One event: `pick` answers the question on screen with its k-th choice (or a stale seq), the rest as given. */
type Step =
  | { kind: 'event'; event: CoreEvent }
  | { kind: 'pick'; k: number; stale: boolean }
  | { kind: 'text'; text: string };

const questionIds = QUESTIONS.map((q) => q.id);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('pick' as const), k: fc.nat(6), stale: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.constantFrom(...TEXTS).map((text) => ({ kind: 'text' as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'grapheme', maxLength: 60 })
      .map((text) => ({ kind: 'text' as const, text })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.record({
          type: fc.constant('answer' as const),
          questionId: fc.oneof(fc.constantFrom(...questionIds), fc.string({ maxLength: 10 })),
          value: fc.oneof(
            fc.constantFrom('yes', 'no', 'none', 'trademark', 'court_or_tro', '2026-11-20'),
            fc.string({ maxLength: 10 }),
          ),
          seq: fc.option(fc.integer({ min: -2, max: 40 }), { nil: undefined }),
        }),
        fc.constantFrom<CoreEvent>(
          { type: 'back' },
          { type: 'change' },
          { type: 'skip' },
          { type: 'restart' },
          { type: 'help' },
          { type: 'show' },
          { type: 'start' },
        ),
        fc.constantFrom(...questionIds).map((questionId): CoreEvent => ({ type: 'change', questionId })),
      )
      .map((event) => ({ kind: 'event' as const, event: event as CoreEvent })),
  },
);

function toEvent(s: Step, last: Question | undefined): CoreEvent {
  if (s.kind === 'event') return s.event;
  if (s.kind === 'text') return { type: 'text', text: s.text };
  const choice = last?.choices[s.k % Math.max(1, last.choices.length)];
  if (!last || !choice) return { type: 'text', text: String(s.k + 1) };
  return {
    type: 'answer',
    questionId: last.questionId,
    value: choice.value,
    seq: s.stale ? last.seq - 1 : last.seq,
  };
}

function expectValid(state: CaseState): void {
  const parsed = CaseState.safeParse(state);
  expect(parsed.error).toBeUndefined();
  // Pending is a real question, or one of the step's own prompts (which answer to change; confirm new facts;
  // confirm a claim read from the seller's words).
  if (state.pending)
    expect([...questionIds, '__change', '__confirm', '__claim']).toContain(pendingId(state.pending));
}

describe('conversation step: any sequence of events', () => {
  it('leaves a case that passes its schema, with replies as data, and never throws', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 25 }), (steps) => {
        let state = newCase('IPC-0001');
        let last: Question | undefined;
        for (const s of steps) {
          const r = step(ctx, state, toEvent(s, last), NOW);
          expectValid(r.state);
          expect(Array.isArray(r.replies)).toBe(true);
          for (const reply of r.replies) expect(typeof reply.kind).toBe('string');
          // The sequence number only moves forward: an old button can always be told from a new one.
          expect(r.state.seq).toBeGreaterThanOrEqual(state.seq);
          state = r.state;
          last = r.replies.find((x): x is Question => x.kind === 'question') ?? last;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('through runTurn and a store: every saved case stays readable, whatever the seller types', async () => {
    const COMMANDS = [
      'status',
      'cases',
      'new',
      'close',
      'close IPC-0001 yes',
      'open IPC-0001',
      'open IPC-0099',
      'draft',
      'draft note',
      'export',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            stepArb,
            fc.constantFrom(...COMMANDS).map((text) => ({ kind: 'text' as const, text })),
          ),
          {
            minLength: 1,
            maxLength: 15,
          },
        ),
        async (steps) => {
          const clock = fixedClock('2026-11-28T10:00:00Z');
          const stores = storesOn(LocalKv.memory(), clock);
          const deps = { ctx, cases: stores.cases, reminders: stores.reminders, clock };
          let last: Question | undefined;
          for (const s of steps) {
            const r = await runTurn(deps, {
              conversation: 'prop',
              who: 'seller',
              channel: 'test',
              event: toEvent(s, last),
              confirmInline: true,
            });
            last = r.replies.find((x): x is Question => x.kind === 'question') ?? last;
          }
          const open = await stores.cases.listOpenReport();
          expect(open.unreadable).toEqual([]);
          for (const c of open.cases) {
            const rec = await stores.cases.get(c.id);
            expect(CaseRecord.safeParse(rec).error).toBeUndefined();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('start over', () => {
  it('refuses a button shown before the restart, even when the same question comes back', () => {
    const ask = (state: CaseState, event: CoreEvent) => {
      const r = step(ctx, state, event, NOW);
      return { state: r.state, q: r.replies.find((x): x is Question => x.kind === 'question'), r };
    };
    const a1 = ask(newCase('IPC-0001'), { type: 'start', text: 'hi' });
    const a2 = ask(a1.state, { type: 'text', text: 'B0C1234567' });
    const old = a2.q;
    if (!old?.choices[0]) throw new Error('no question with choices');
    const b1 = ask(a2.state, { type: 'restart' });
    const b2 = ask(b1.state, { type: 'text', text: 'B0C1234567' });
    expect(b2.q?.questionId).toBe(old.questionId);
    expect(b2.q?.seq).not.toBe(old.seq);
    const press = ask(b2.state, {
      type: 'answer',
      questionId: old.questionId,
      value: old.choices[0].value,
      seq: old.seq,
    });
    expect(press.r.effects).toContainEqual(expect.objectContaining({ type: 'stale' }));
    expect(press.state.facts).toEqual(b2.state.facts);
  });
});
