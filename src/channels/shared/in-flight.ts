// Work still running for requests already acknowledged. Slack gets its HTTP 200 (or Socket Mode ack)
// before the work is done, so closing the server is not enough on shutdown: the store must stay open
// until this work has finished, or a case write would fail halfway ("store closed").

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  /** Runs `work`, counted until it settles. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.running.add(p);
    const done = () => this.running.delete(p);
    p.then(done, done);
    return p;
  }

  /** Resolves once nothing is running (work started meanwhile included), or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<{ drained: boolean; left: number }> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return { drained: false, left: this.running.size };
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.running]),
        new Promise((r) => {
          timer = setTimeout(r, left);
        }),
      ]);
      clearTimeout(timer);
    }
    return { drained: true, left: 0 };
  }
}
