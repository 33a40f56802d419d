// What every bench section gets: one call per figure. `what` names it, `figure` is the human reading
// (printed in the table), `values` the raw numbers behind it (written to the JSON, for comparing runs).

export type Report = (what: string, figure: string, values?: Record<string, number>) => void;

export interface BenchRow {
  section: string;
  what: string;
  figure: string;
  values: Record<string, number>;
}

export const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000);
export const fmtRate = (n: number, ms: number) => `${perSec(n, ms).toLocaleString('en-US')}/s`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs `fn` n times in sequence; returns the elapsed milliseconds. */
export async function timeIt(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return performance.now() - t0;
}

/** The value at quantile q (0..1) of already sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}
