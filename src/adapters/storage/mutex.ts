/** Per-name promise chains: callers with the same name run one after another, in order of arrival. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => {
      release = r;
    });
    const tail = prev.then(() => mine);
    this.tails.set(name, tail);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      // Forget the chain once nobody is queued behind us, so names do not pile up.
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}
