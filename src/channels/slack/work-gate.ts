// Acks first, then the work takes its turn. Every request is acked before any work (Slack's 3-second
// limit), but the ack of a new request still waits for the event loop, and on a busy instance the loop is
// busy with the work of requests already acked: under a burst, every ack got slower with every request
// being worked on. So at most `limit` requests do their work at once; the others are acked at once and
// wait here, in arrival order, for a turn. With Slack's API answering in 100–300 ms, 8 at once still opens
// a dozen cases a second per instance, far beyond a seller team's pace.

export class WorkGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release function once a turn is free. */
  async turn(): Promise<() => void> {
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The turn passes straight to the next in line (running stays the same), or is given back.
      if (next) next();
      else this.running--;
    };
  }
}
