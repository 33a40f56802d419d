import type { Clock } from '../app/ports.js';

/** The real clock: only the composition root and adapters use it; the core gets `now` passed in. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where tests put it. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let t = new Date(iso);
  return {
    now: () => new Date(t),
    set: (next: string) => {
      t = new Date(next);
    },
  };
}
