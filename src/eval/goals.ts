import type { FactKey } from '../domain/model/facts.js';
import type { ReaderScore } from './score.js';
import type { DetailsScore } from './score-details.js';

// The goals of issue 18: facts ≥ 95%, details ≥ 90%, wrong values 0 (a wrong value is worse than a miss).

export interface Goal {
  name: string;
  /** The figure: a share (0..1) for facts and details, a count for wrong values. */
  value: number | null;
  pass: boolean;
}

export interface FactTotals {
  stated: number;
  read: number;
  wrong: number;
}

export function factTotals(s: ReaderScore): FactTotals {
  const all = Object.values(s.facts) as ReaderScore['facts'][FactKey][];
  return {
    stated: all.reduce((n, f) => n + f.stated, 0),
    read: all.reduce((n, f) => n + f.read, 0),
    wrong: all.reduce((n, f) => n + f.wrong, 0),
  };
}

/** The three goals for one reader; `details` absent when that reader reads no details (none scored). */
export function goalsFor(facts: ReaderScore, details: DetailsScore | undefined): Goal[] {
  const f = factTotals(facts);
  const factShare = f.stated === 0 ? null : f.read / f.stated;
  const d = details?.total;
  const detailShare = d && d.stated > 0 ? d.right / d.stated : null;
  const wrong = f.wrong + (d?.wrong ?? 0);
  return [
    { name: 'facts ≥ 95%', value: factShare, pass: factShare !== null && factShare >= 0.95 },
    { name: 'details ≥ 90%', value: detailShare, pass: detailShare !== null && detailShare >= 0.9 },
    { name: 'wrong values 0', value: wrong, pass: wrong === 0 },
  ];
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.floor(v * 1000) / 10}%`);

/** "Goals: facts ≥ 95% PASS (96.1%) · details ≥ 90% FAIL (71.0%) · wrong values 0 FAIL (3)". */
export function goalLine(goals: readonly Goal[]): string {
  return `Goals: ${goals
    .map(
      (g) => `${g.name} ${g.pass ? 'PASS' : 'FAIL'} (${g.name.startsWith('wrong') ? g.value : pct(g.value)})`,
    )
    .join(' · ')}`;
}
