import type { InFlight } from './in-flight.js';

/**
 * Runs `work` now and every `everyMs` (reminders), never two rounds at once; a failing round is logged
 * and the next one runs as usual. Each round counts as running work, so a shutdown waits for it before
 * closing the store. Returns the function that stops the rounds.
 */
export function startRounds(
  work: () => Promise<unknown>,
  everyMs: number,
  inFlight: InFlight,
  onError: (err: Error) => void,
): () => void {
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (err) {
      onError(err as Error);
    } finally {
      running = false;
    }
  };
  const tick = () => inFlight.run(round);
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
