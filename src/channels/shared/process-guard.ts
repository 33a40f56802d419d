import { scrub } from './logger.js';

// The last line of defence for a long-running bot. Node 20 exits on an unhandled rejection by default,
// so one stray promise in one request's work took every other user's in-flight work down with it.
//
// - An unhandled rejection is one piece of async work that failed with nobody waiting for it. The rest
//   of the process is intact (every case change is a whole write under the case's lock), so it is
//   logged, scrubbed, and the bot keeps serving.
// - An uncaught exception was thrown synchronously out of who knows what, and Node's documentation says
//   the process is not safe to resume after it. It is logged, scrubbed, and the bot shuts down cleanly
//   (stops taking requests, lets running work finish, closes the store) and exits 1 for the supervisor
//   to restart it. A second one during that shutdown exits at once.

const describe = (err: unknown) =>
  scrub(err instanceof Error ? `${err.name}: ${err.message}` : `non-error value ${String(err)}`);

export function installProcessGuards(
  log: (line: string) => void,
  shutdown: (exitCode: number) => Promise<void>,
): () => void {
  let dying = false;
  const onRejection = (reason: unknown) => {
    log(
      `ipcheck: an unhandled promise rejection was logged and ignored (still serving): ${describe(reason)}`,
    );
  };
  const onException = (err: unknown) => {
    if (dying) {
      log(`ipcheck: a second uncaught exception while shutting down; exiting now: ${describe(err)}`);
      process.exit(1);
    }
    dying = true;
    log(`ipcheck: uncaught exception; finishing running work, then exiting: ${describe(err)}`);
    shutdown(1).catch((e: unknown) => {
      log(`ipcheck: shutdown after an uncaught exception failed: ${describe(e)}`);
      process.exit(1);
    });
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
