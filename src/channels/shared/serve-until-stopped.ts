import { installProcessGuards } from './process-guard.js';

/**
 * Runs until SIGINT/SIGTERM (or an uncaught exception), then stops taking requests, lets the running
 * ones finish (`stop`), and only then has the composition root close the store (`root.close`). Returns
 * the exit code. Shared by every server surface (Slack, Teams, both in one process).
 */
export async function serveUntilStopped(
  root: { close(): Promise<void> },
  running: { stop(): Promise<void>; busy(): number },
): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let uninstall = () => {};
  const code = await new Promise<number>((resolve) => {
    // once: a second Ctrl-C while draining gets Node's default, an immediate exit.
    process.once('SIGINT', () => resolve(0));
    process.once('SIGTERM', () => resolve(0));
    uninstall = installProcessGuards(err, async (exitCode) => resolve(exitCode));
  });
  const busy = running.busy();
  err(`ipcheck: stopping${busy > 0 ? `; finishing ${busy} running request(s) first` : ''}`);
  try {
    await running.stop();
  } finally {
    await root.close();
    uninstall();
  }
  // Everything is stopped and the store closed; should a stray socket or timer still hold the event
  // loop open, exit anyway (unref: this timer alone keeps nothing alive).
  setTimeout(() => process.exit(code), 3000).unref();
  return code;
}
