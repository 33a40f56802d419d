import type { Kv } from '../../src/adapters/storage/kv.js';

/**
 * A real store (any Kv) whose case writes can be made slow, as a stalled SQLite disk or a far Redis
 * would be: everything else passes straight through.
 */
export class SlowKv implements Kv {
  /** Added to every write of a `case:` record while above 0. */
  writeDelayMs = 0;
  /** Added to every read of a `case:` record while above 0. */
  readDelayMs = 0;
  /** While set, every write of a `case:` record waits for it: a store stalled until the test says. */
  writeGate: Promise<void> | undefined;

  constructor(private readonly inner: Kv) {}

  get describe() {
    return this.inner.describe;
  }
  get shared() {
    return this.inner.shared;
  }
  async get<T>(key: string) {
    if (this.readDelayMs > 0 && key.startsWith('case:'))
      await new Promise((r) => setTimeout(r, this.readDelayMs));
    return this.inner.get<T>(key);
  }
  getMany<T>(keys: string[]) {
    return this.inner.getMany<T>(keys);
  }
  async set(key: string, value: unknown, ttlMs?: number) {
    if (this.writeGate && key.startsWith('case:')) await this.writeGate;
    if (this.writeDelayMs > 0 && key.startsWith('case:'))
      await new Promise((r) => setTimeout(r, this.writeDelayMs));
    return this.inner.set(key, value, ttlMs);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  addMarker(key: string, ttlMs: number) {
    return this.inner.addMarker(key, ttlMs);
  }
  setMarker(key: string, ttlMs: number) {
    return this.inner.setMarker(key, ttlMs);
  }
  deleteMarker(key: string) {
    return this.inner.deleteMarker(key);
  }
  incr(key: string) {
    return this.inner.incr(key);
  }
  count(key: string) {
    return this.inner.count(key);
  }
  withLock<T>(name: string, fn: () => Promise<T>) {
    return this.inner.withLock(name, fn);
  }
  close() {
    return this.inner.close();
  }
}
