import { unlinkSync } from 'node:fs';
import { readFile, realpath, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { IpcheckError } from '../../domain/model/errors.js';

// One SQLite file, one ipcheck process. The local store serialises read-modify-writes, delivery claims and
// the reminder loop with in-process locks, so a second process on the same file would lose updates and send
// reminders twice. The process that writes (a bot, the terminal chat, `sweep --save-catalog`) takes an owner
// lock beside the file; a second one is refused at startup, naming the owner and the way out.
//
// The lock is proper-lockfile's (`<file>.lock`, made with mkdir, which is atomic on local and network file
// systems; kept fresh by a heartbeat). Its own staleness rule is the mtime: a lock not refreshed for
// STALE_MS is free. That rule alone would keep a restart after kill -9 waiting up to STALE_MS, so this file
// adds what the library lacks: `<file>.owner` names the owner (pid, host, user, mode, since), and a lock
// whose owner is on this host and no longer running is taken over as soon as its heartbeat has stopped
// (DEAD_OWNER_QUIET_MS). A fresh lock is never taken on the pid alone: its owner file may still be the
// previous owner's (written just after the mkdir), or the pid may be from another pid namespace.

const STALE_MS = 10_000;
const HEARTBEAT_MS = 1_000;
/** Over two missed heartbeats: a lock this silent, whose recorded owner is gone, is left by a dead process. */
const DEAD_OWNER_QUIET_MS = 2_500;
/** How long a start waits for a dead owner's lock to fall silent before giving up. */
const DEAD_OWNER_WAIT_MS = DEAD_OWNER_QUIET_MS + 2_000;
const POLL_MS = 200;

/** What each kind of process runs, as the refusal message names it. */
export const OWNER_MODES = {
  slack: 'the Slack app',
  teams: 'the Teams bot',
  'slack+teams': 'the Slack app and the Teams bot',
  terminal: 'the terminal chat (npm start)',
  sweep: 'ipcheck sweep --save-catalog',
} as const;
export type OwnerMode = keyof typeof OWNER_MODES;

const OwnerInfo = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  user: z.string(),
  mode: z.string(),
  since: z.string(),
});
type OwnerInfo = z.infer<typeof OwnerInfo>;

const describeMode = (mode: string): string => OWNER_MODES[mode as OwnerMode] ?? mode;

/** The store is owned by another running process: startup stops here. */
export class StoreInUseError extends IpcheckError {
  constructor(
    message: string,
    readonly owner: OwnerInfo | undefined,
  ) {
    super('store_unavailable', message);
  }
}

export interface StoreOwnership {
  /** Removes the owner file and the lock; safe to call twice. */
  release(): Promise<void>;
}

export interface ClaimOptions {
  /** Startup notes (a dead owner's lock taken over). */
  note?: (line: string) => void;
  /**
   * The lock was lost while running (its folder deleted, or taken over after the heartbeat stalled past
   * STALE_MS): another process may own the store now. By default this process stops (SIGTERM to itself, so
   * running work finishes) and exits 1.
   */
  onLost?: (message: string) => void;
}

/** Locks held by this process (canonical paths): a second open here is refused, never taken as "dead". */
const heldHere = new Set<string>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** The file's path with symlinks resolved, so two names for one file share one lock. */
async function canonicalPath(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return join(await realpath(dirname(file)), basename(file));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return errCode(err) === 'EPERM';
  }
}

/** The recorded owner is certainly gone: on this host, and its pid is not running (or is this process, which does not hold it). */
function ownerIsGone(info: OwnerInfo, canonical: string): boolean {
  if (info.host !== hostname()) return false;
  if (info.pid === process.pid) return !heldHere.has(canonical);
  return !isRunning(info.pid);
}

async function readOwner(infoFile: string): Promise<OwnerInfo | undefined> {
  try {
    const parsed = OwnerInfo.safeParse(JSON.parse(await readFile(infoFile, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds since the lock's last heartbeat; undefined when there is no lock. */
async function silentFor(lockDir: string): Promise<number | undefined> {
  try {
    return Math.max(0, Date.now() - (await stat(lockDir)).mtimeMs);
  } catch (err) {
    if (errCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function inUseMessage(describe: string, info: OwnerInfo | undefined, silentMs: number, infoFile: string) {
  const here = info?.host === hostname();
  const who = info
    ? `pid ${info.pid} running ${describeMode(info.mode)} since ${info.since} (user ${info.user}${here ? '' : `, on host ${info.host}`})`
    : `a process that has not recorded itself (${infoFile} is missing or unreadable)`;
  const stop = info && here ? `stop it first (Ctrl-C where it runs, or kill ${info.pid})` : 'stop it first';
  const lapse = here
    ? ''
    : ` A lock left by a process that was killed lapses ${STALE_MS / 1000} s after its last heartbeat (this one's was ${Math.round(silentMs / 1000)} s ago).`;
  return (
    `the case store ${describe} is in use by another ipcheck: ${who}. Two processes on one SQLite file would ` +
    `overwrite each other's changes and both send the reminders, so this one does not open it. Use that one, ` +
    `${stop}, or put the store on Redis to run several processes (IPCHECK_STORE_URL=redis://host:6379 for ` +
    `each; see README, Storage). ipcheck status, cases, export, triage and sweep without --save-catalog only ` +
    `read the store and work beside it.${lapse}`
  );
}

function stopThisProcess(message: string): void {
  process.stderr.write(`ipcheck: ${message}\n`);
  process.on('exit', () => {
    process.exitCode = 1;
  });
  process.kill(process.pid, 'SIGTERM');
}

/**
 * Takes the owner lock of the SQLite file `file` for `mode`, or throws StoreInUseError naming the owner.
 * `describe` is the store's address for messages. The file's folder must exist.
 */
export async function claimStore(
  file: string,
  describe: string,
  mode: OwnerMode,
  opts: ClaimOptions = {},
): Promise<StoreOwnership> {
  // Loaded here, not at the top: proper-lockfile installs exit and signal hooks (to remove its locks on
  // exit), which only a process that takes a lock should get.
  const { default: lockfile } = await import('proper-lockfile');
  const canonical = await canonicalPath(file);
  const lockDir = `${canonical}.lock`;
  const infoFile = `${canonical}.owner`;
  const note = opts.note ?? ((line: string) => process.stderr.write(`ipcheck: ${line}\n`));
  const onLost = opts.onLost ?? stopThisProcess;
  const giveUpAt = Date.now() + DEAD_OWNER_WAIT_MS;
  let lost = false;
  let takenFrom: OwnerInfo | undefined;
  /** Removes the owner file when the process exits; dropped once the lock is lost (the file may be another's). */
  let exitCleanup: (() => void) | undefined;
  // An owner file without a lock says nothing (a process killed by a signal loses its lock folder through
  // proper-lockfile's exit hook, and may keep its owner file): only a lock found here was taken over.
  const lockFound = (await silentFor(lockDir)) !== undefined;

  for (let attempt = 0; ; attempt++) {
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lockfile.lock(canonical, {
        realpath: false,
        stale: STALE_MS,
        update: HEARTBEAT_MS,
        onCompromised: (err) => {
          if (lost) return;
          lost = true;
          heldHere.delete(canonical);
          if (exitCleanup) process.off('exit', exitCleanup);
          onLost(
            `lost the owner lock of the case store ${describe} (${err.message}); another process may own it ` +
              'now, so this one stops rather than write beside it. Start it again once the other one is stopped.',
          );
        },
      });
    } catch (err) {
      if (errCode(err) !== 'ELOCKED') throw err;
    }
    if (release) return owned(release);

    const info = await readOwner(infoFile);
    const silent = await silentFor(lockDir);
    if (silent === undefined && attempt < 50) continue; // released meanwhile: try again
    if (info && ownerIsGone(info, canonical) && attempt < 50) {
      if ((silent ?? 0) >= DEAD_OWNER_QUIET_MS) {
        await rmdir(lockDir).catch((err: unknown) => {
          if (errCode(err) !== 'ENOENT') throw err;
        });
        takenFrom = info;
        continue;
      }
      if (Date.now() < giveUpAt) {
        await sleep(POLL_MS);
        continue;
      }
    }
    throw new StoreInUseError(inUseMessage(describe, info, silent ?? 0, infoFile), info);
  }

  async function owned(release: () => Promise<void>): Promise<StoreOwnership> {
    heldHere.add(canonical);
    // A clean release removes the owner file before the lock: one still here was left by an owner that
    // died, whose lock this claim has just taken (by the pid rule above, or the library's stale rule).
    const previous = takenFrom ?? (lockFound ? await readOwner(infoFile) : undefined);
    const me: OwnerInfo = {
      pid: process.pid,
      host: hostname(),
      user: safeUser(),
      mode,
      since: new Date().toISOString(),
    };
    const cleanup = () => {
      try {
        unlinkSync(infoFile);
      } catch {
        // already gone
      }
    };
    exitCleanup = cleanup;
    try {
      // Written whole, then renamed: a reader never sees half an owner file.
      const tmp = `${infoFile}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(me)}\n`);
      await rename(tmp, infoFile);
    } catch (err) {
      heldHere.delete(canonical);
      await release().catch(() => {});
      throw err;
    }
    // proper-lockfile removes its lock folder on exit; the owner file goes with it.
    process.on('exit', cleanup);
    if (previous)
      note(
        `took over the case store ${describe} from pid ${previous.pid} (${describeMode(previous.mode)}, since ${previous.since}${previous.host === hostname() ? '' : `, on host ${previous.host}`}), ${takenFrom ? 'which is no longer running' : `whose lock had lapsed (no heartbeat for over ${STALE_MS / 1000} s)`}`,
      );
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        process.off('exit', cleanup);
        // A lost lock may be someone else's now (this process's too), and so may the owner file: leave them.
        if (lost) return;
        heldHere.delete(canonical);
        await unlink(infoFile).catch(() => {});
        await release().catch(() => {});
      },
    };
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
