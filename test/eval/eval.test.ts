import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { goalLine, goalsFor } from '../../src/eval/goals.js';
import { joinEvalSets, parseEvalSet, scoreReader } from '../../src/eval/score.js';
import { judge, scoreDetails } from '../../src/eval/score-details.js';
import { factsAnswer } from '../adapters/llm/helpers.js';
import { FakeOpenAiServer } from '../fakes/openai-server.js';
import { testContext } from '../helpers/context.js';
import { runNode } from '../helpers/run-cli.js';

// Every file of the set, as npm run eval reads it.
const loadSet = async () => {
  const dir = join(PROJECT_ROOT, 'eval');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort();
  return joinEvalSets(
    await Promise.all(
      names.map(async (n) => ({ file: `eval/${n}`, text: await readFile(join(dir, n), 'utf8') })),
    ),
  );
};

describe('the evaluation set and its scoring', () => {
  it('has at least 40 valid messages, each with expected facts and routes', async () => {
    const rows = await loadSet();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('scores a reader that reads exactly what is stated as all right, and counts a wrong value', async () => {
    const { kb } = await testContext();
    const rows = await loadSet();
    const perfect = scoreReader(
      rows,
      rows.map((r) => r.stated),
      kb,
    );
    expect(perfect.allRight).toBe(rows.length);
    expect(perfect.routesRight).toBe(rows.length);
    const court = rows.findIndex((r) => r.id === 'funds-court-order');
    const wrong = rows.map((r, i) =>
      i === court ? { ...r.stated, notice: 'platform_complaint' as const } : r.stated,
    );
    const s = scoreReader(rows, wrong, kb);
    expect(s.facts.notice.wrong).toBe(1);
    expect(s.routesRight).toBe(rows.length - 1);
    expect(s.failures[0]).toContain('notice=platform_complaint (expected court_or_tro)');
  });
});

describe('npm run eval with a language model (fake server)', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => {
    server = await new FakeOpenAiServer().start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('reports the rules, the model alone and the two merged', async () => {
    const rows = await loadSet();
    // A model that reads exactly what each message states.
    server.fallback = (req) => {
      const user = req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
      const text = JSON.parse(/<seller_message>\n(.*)\n<\/seller_message>/s.exec(user)?.[1] ?? '""');
      const row = rows.find((r) => r.text === text);
      return { json: factsAnswer((row?.stated ?? {}) as Record<string, string>) };
    };
    const r = await runNode('dist/eval/run.js', ['--quiet'], '', {
      OPENAI_API_KEY: 'sk-eval-test-0001',
      OPENAI_BASE_URL: server.baseUrl,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rules only');
    expect(r.stdout).toContain(`${rows.length}/${rows.length} answered`);
    expect(r.stdout).toMatch(
      new RegExp(
        `language model alone[\\s\\S]*messages read without a miss or a wrong value: \\d+/${rows.length}`,
      ),
    );
    expect(r.stdout).toContain('rules + language model, merged');
    expect(server.requests).toHaveLength(rows.length);
    // Details are the rules' (the model reads facts only): scored for the rules and the merged reading.
    expect(r.stdout).toContain('details: not read by this reader');
    expect(r.stdout.match(/^all details /gm)).toHaveLength(2);
    for (const c of ['names', 'money', 'dates', 'numbers', 'other'])
      expect(r.stdout.match(new RegExp(`^${c} +\\d+/\\d+`, 'gm'))).toHaveLength(2);
    expect(
      r.stdout.match(
        /^Goals: facts ≥ 95% (PASS|FAIL) .* · details ≥ 90% (PASS|FAIL) .* · wrong values 0 (PASS|FAIL) \(\d+\)$/gm,
      ),
    ).toHaveLength(3);
  });

  it('prints the figures as JSON with --json', async () => {
    const rows = await loadSet();
    server.fallback = () => ({ json: factsAnswer({}) });
    const r = await runNode('dist/eval/run.js', ['--json'], '', {
      OPENAI_API_KEY: 'sk-eval-test-0001',
      OPENAI_BASE_URL: server.baseUrl,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.messages).toBe(rows.length);
    expect(out.files.map((f: { file: string }) => f.file)).toContain('eval/details.jsonl');
    expect(out.languageModel.answered).toBe(rows.length);
    expect(out.readers.map((x: { id: string }) => x.id)).toEqual(['rules', 'model', 'merged']);
    const [rules, model] = out.readers;
    expect(rules.goals.map((g: { name: string }) => g.name)).toEqual([
      'facts ≥ 95%',
      'details ≥ 90%',
      'wrong values 0',
    ]);
    expect(rules.details.messages).toBe(rows.filter((x) => x.details).length);
    expect(Object.keys(rules.details.classes)).toEqual(['names', 'money', 'dates', 'numbers', 'other']);
    expect(rules.details.total.stated).toBeGreaterThan(50);
    // A model that reads nothing: every stated fact missed, none wrong, and no details of its own.
    expect(model.facts.read).toBe(0);
    expect(model.details).toBeNull();
    expect(model.goals[0].pass).toBe(false);
  });
});

describe('reading the set from several files', () => {
  const row = (id: string, extra = '') =>
    `{"id": "${id}", "text": "t", "stated": {}, "answers": {}, "routes": ["delist_now"]${extra}}`;

  it('names the file and line of a bad row, whether its JSON or its shape is wrong', () => {
    expect(() => parseEvalSet(`${row('a')}\n\n{"id": "b", oops}\n`, 'eval/x.jsonl')).toThrow(
      /^eval\/x\.jsonl line 3: not JSON/,
    );
    expect(() =>
      parseEvalSet(`${row('a')}\n${row('b', ', "details": {"stockUnits": "ten"}')}`, 'eval/y.jsonl'),
    ).toThrow(/^eval\/y\.jsonl line 2 \(b\): details\.stockUnits /);
    expect(() => parseEvalSet(row('c', ', "details": {"invented": "x"}'), 'eval/z.jsonl')).toThrow(
      /^eval\/z\.jsonl line 1 \(c\): details /,
    );
  });

  it('joins the files into one set and refuses an id used in two of them', () => {
    const both = joinEvalSets([
      { file: 'eval/a.jsonl', text: row('one') },
      { file: 'eval/b.jsonl', text: `${row('two')}\n${row('three', ', "details": {"brand": "Acme"}')}` },
    ]);
    expect(both.map((r) => r.id)).toEqual(['one', 'two', 'three']);
    expect(both[2]?.details).toEqual({ brand: 'Acme' });
    expect(() =>
      joinEvalSets([
        { file: 'eval/a.jsonl', text: row('one') },
        { file: 'eval/b.jsonl', text: row('one') },
      ]),
    ).toThrow('eval/b.jsonl: id one is used twice (also in eval/a.jsonl)');
  });

  it('reads the details file with rows of every class', async () => {
    const rows = await loadSet();
    const withDetails = rows.filter((r) => r.details);
    expect(withDetails.length).toBeGreaterThanOrEqual(15);
    const keys = new Set(withDetails.flatMap((r) => Object.keys(r.details ?? {})));
    for (const k of [
      'brand',
      'plaintiff',
      'lawFirm',
      'frozenAccounts',
      'demandAmount',
      'troDate',
      'responseDue',
      'caseNumber',
      'ipNumbers',
      'complaintId',
    ])
      expect(keys).toContain(k);
  });
});

describe('scoring details', () => {
  it('compares strings without regard to case and spacing, and lists as sets', () => {
    expect(judge('brand', 'PawJoy  Direct', ' pawjoy direct')).toBe('right');
    expect(judge('brand', 'PawJoy', 'PawJoy Direct')).toBe('wrong');
    expect(judge('brand', 'PawJoy', undefined)).toBe('missed');
    expect(judge('brand', undefined, 'PawJoy')).toBe('wrong');
    expect(judge('brand', undefined, undefined)).toBe('none');
    expect(judge('stockUnits', 500, 500)).toBe('right');
    expect(judge('stockUnits', 500, 50)).toBe('wrong');
    expect(
      judge('ipNumbers', ['US D912,345', 'Reg. No. 6,123,456'], ['reg. no. 6,123,456', 'US  D912,345']),
    ).toBe('right');
    // Part of a list is a miss; a member the row does not list is wrong, even beside right ones.
    expect(judge('ipNumbers', ['US D912,345', 'Reg. No. 6,123,456'], ['US D912,345'])).toBe('missed');
    expect(judge('ipNumbers', ['US D912,345'], ['US D912,345', 'US 11,222,333'])).toBe('wrong');
  });

  it('pairs each frozen account with its own amount', () => {
    const want = [
      { account: 'AliExpress', amount: '$12,450' },
      { account: 'PayPal', amount: '$3,100' },
    ];
    expect(judge('frozenAccounts', want, [...want].reverse())).toBe('right');
    expect(
      judge('frozenAccounts', want, [
        { account: 'aliexpress', amount: '$3,100' },
        { account: 'paypal', amount: '$12,450' },
      ]),
    ).toBe('wrong');
    expect(judge('frozenAccounts', want, [{ account: 'paypal', amount: '$3,100' }])).toBe('missed');
  });

  it('counts right, missed and wrong per detail and per class, only in rows that state their details', () => {
    const rows = [
      {
        id: 'a',
        details: {
          brand: 'Acme',
          frozenAmount: '$3,200',
          troDate: '2026-12-18',
          caseNumber: '1:26-cv-01234',
        },
      },
      { id: 'b', details: { plaintiff: 'PetFlow Inc.' } },
      { id: 'c' },
    ];
    const s = scoreDetails(rows, [
      // a: brand right, amount missed, date wrong, case number right; the pasted notice is not scored.
      {
        brand: 'ACME',
        troDate: '2026-12-17',
        caseNumber: '1:26-cv-01234',
        noticeText: 'x',
        legalSigns: ['tro'],
      },
      // b: the plaintiff right, a store the row does not state: invented, so wrong.
      { plaintiff: 'PetFlow Inc.', store: 'We' },
      // c: no details object, so nothing it reads is scored.
      { brand: 'Whatever' },
    ]);
    expect(s.rows).toBe(2);
    expect(s.total).toEqual({ stated: 5, right: 3, missed: 1, wrong: 2 });
    expect(s.classes.names).toEqual({ stated: 2, right: 2, missed: 0, wrong: 1 });
    expect(s.classes.money).toEqual({ stated: 1, right: 0, missed: 1, wrong: 0 });
    expect(s.classes.dates).toEqual({ stated: 1, right: 0, missed: 0, wrong: 1 });
    expect(s.classes.numbers).toEqual({ stated: 1, right: 1, missed: 0, wrong: 0 });
    expect(s.details.store.wrong).toBe(1);
    expect(s.allRight).toBe(0);
    expect(s.failures).toEqual([
      'a: frozenAmount missed; troDate=2026-12-17 (expected 2026-12-18)',
      'b: store=We (expected unset)',
    ]);
  });

  it('prints the goals with PASS or FAIL each', async () => {
    const { kb } = await testContext();
    const rows = await loadSet();
    const perfect = scoreReader(
      rows,
      rows.map((r) => r.stated),
      kb,
    );
    const details = scoreDetails(
      rows,
      rows.map((r) => r.details ?? {}),
    );
    const goals = goalsFor(perfect, details);
    expect(goals.map((g) => g.pass)).toEqual([true, true, true]);
    expect(goalLine(goals)).toBe(
      'Goals: facts ≥ 95% PASS (100%) · details ≥ 90% PASS (100%) · wrong values 0 PASS (0)',
    );
    const none = goalsFor(
      scoreReader(
        rows,
        rows.map(() => ({})),
        kb,
      ),
      scoreDetails(
        rows,
        rows.map(() => ({})),
      ),
    );
    expect(goalLine(none)).toBe(
      'Goals: facts ≥ 95% FAIL (0%) · details ≥ 90% FAIL (0%) · wrong values 0 PASS (0)',
    );
  });
});
