// Acks first, then the work takes its turn. Every request is acked before any work (Slack's 3-second
// limit), but the ack of a new request still waits for the event loop, and on a busy instance the loop is
// busy with the work of requests already acked: under a burst, every ack got slower with every request
// being worked on. So at most `limit` requests do their work at once; the others are acked at once and
// wait here, in arrival order, for a turn. With Slack's API answering in 100–300 ms, 8 at once still opens
// a dozen cases a second per instance, far beyond a seller team's pace.
//
// The line is bounded too (`maxQueued`). Unbounded, a flood (12,000 requests) grew the heap from 36 to
// 135 MB and was still being worked on 45 s after its last ack, for people who had long given up (and all
// of it lost on a kill -9). A request that finds the line full is turned away at once, and its person is
// told to try again in a minute (app.ts), instead of waiting behind minutes of work.

/** How many may wait by default: about 20 seconds of work for a busy instance, a few MB of memory. */
export const DEFAULT_MAX_QUEUED = 200;

/** What a person turned away is told (privately in Slack, in the conversation in Teams). */
export const BUSY_TEXT =
  'ipcheck is very busy right now, so I did not do that (nothing was changed). Please try again in a minute.';

/** A request's place in line: its turn to work, then given back. */
export interface Ticket {
  /** Resolves once the request may do its work (at once when fewer than `limit` are working). */
  turn(): Promise<void>;
  /** Gives the turn (or the place in line) back; a second call does nothing. */
  release(): void;
}

export class WorkGate {
  private running = 0;
  /** Let in, not working yet: waiting for a turn, or not yet asking for one (its ack is being sent). */
  private inLine = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueued = Number.POSITIVE_INFINITY,
  ) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** A place in line, or undefined when `maxQueued` requests would already be waiting (turn this one away). */
  enter(): Ticket | undefined {
    if (this.inLine + this.running >= this.limit + this.maxQueued) return undefined;
    return this.ticket();
  }

  /** Resolves with a release function once a turn is free (never turned away). */
  async turn(): Promise<() => void> {
    const t = this.ticket();
    await t.turn();
    return t.release;
  }

  /** Passes a finished turn straight to the next in line (running stays the same), or gives it back. */
  private pass(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private ticket(): Ticket {
    this.inLine++;
    let state: 'in_line' | 'asked' | 'running' | 'done' = 'in_line';
    let cancelled = false;
    let granted: Promise<void> | undefined;
    const wait = async () => {
      state = 'asked';
      if (this.running < this.limit) this.running++;
      else await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.inLine--;
      state = 'running';
      // Released while it waited: the turn it just got goes on at once.
      if (cancelled) {
        state = 'done';
        this.pass();
      }
    };
    return {
      // Asked twice (an ack sent twice), it is the same turn.
      turn: () => {
        if (state === 'done' && !granted) return Promise.resolve();
        granted ??= wait();
        return granted;
      },
      release: () => {
        if (state === 'done') return;
        if (state === 'asked') {
          cancelled = true;
          return;
        }
        if (state === 'in_line') {
          // Never asked for its turn (its work ended before, or never came): only its place is given back.
          this.inLine--;
          state = 'done';
          return;
        }
        state = 'done';
        this.pass();
      },
    };
  }
}

/**
 * Logs turned-away requests at warn without flooding the log under the very flood that causes them: the
 * first at once, then one line at most every `everyMs` saying how many more.
 */
export class TurnedAwayLog {
  private last = 0;
  private since = 0;

  constructor(
    private readonly log: { warn(msg: string): void },
    private readonly surface: string,
    private readonly everyMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  note(what: string): void {
    this.since++;
    const t = this.now();
    if (t - this.last < this.everyMs) return;
    const more = this.since > 1 ? ` (${this.since} turned away since the last note)` : '';
    this.log.warn(
      `${this.surface}: too many requests waiting (IPCHECK_MAX_QUEUED); turned away ${what} and told its person to try again${more}`,
    );
    this.last = t;
    this.since = 0;
  }
}
