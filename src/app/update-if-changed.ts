import type { CaseRecord, CaseRepository } from './ports.js';

/** Thrown inside an update to leave the record as it is (no write, no new version). */
class Unchanged extends Error {
  constructor(readonly current: CaseRecord) {
    super('unchanged');
  }
}

/**
 * Applies `change` under the case's lock, and writes only when it changed something: a double click or
 * a replayed form finds the change already made and is told so, and the record's version does not move.
 */
export async function updateIfChanged(
  cases: CaseRepository,
  caseId: string,
  change: (current: CaseRecord) => CaseRecord,
): Promise<{ rec: CaseRecord; changed: boolean }> {
  try {
    const rec = await cases.update(caseId, (cur) => {
      const next = change(cur);
      if (next === cur) throw new Unchanged(cur);
      return next;
    });
    return { rec, changed: true };
  } catch (err) {
    if (err instanceof Unchanged) return { rec: err.current, changed: false };
    throw err;
  }
}
