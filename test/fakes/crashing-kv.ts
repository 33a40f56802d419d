import type { Kv } from '../../src/adapters/storage/kv.js';

/**
 * A real store (any Kv) that stops at its Nth write, as a process killed right there would, or as a store
 * that fails from there on. Writes are set, delete, the marker operations and incr; reads and locks pass
 * through until the stop.
 *
 * - `dies`: the Nth write and everything after it never answers (the process is gone: nothing it would
 *   have done next happens, neither in the store nor in Slack).
 * - `fails`: the Nth write and everything after it throws (the store went away; the process carries on
 *   and says so).
 */
export class CrashingKv implements Kv {
  writes = 0;
  /** Resolves when the stop happened. */
  readonly stopped: Promise<void>;
  private stop!: () => void;
  private down = false;

  constructor(
    private readonly inner: Kv,
    private readonly at: number,
    private readonly mode: 'dies' | 'fails',
  ) {
    this.stopped = new Promise((r) => {
      this.stop = r;
    });
  }

  get describe() {
    return this.inner.describe;
  }
  get shared() {
    return this.inner.shared;
  }

  private gate(write: boolean): Promise<void> {
    if (write && !this.down && ++this.writes >= this.at) {
      this.down = true;
      this.stop();
    }
    if (!this.down) return Promise.resolve();
    return this.mode === 'dies'
      ? new Promise<void>(() => {})
      : Promise.reject(new Error(`the store stopped at write ${this.at}`));
  }

  async get<T>(key: string) {
    await this.gate(false);
    return this.inner.get<T>(key);
  }
  async getMany<T>(keys: string[]) {
    await this.gate(false);
    return this.inner.getMany<T>(keys);
  }
  async set(key: string, value: unknown, ttlMs?: number) {
    await this.gate(true);
    return this.inner.set(key, value, ttlMs);
  }
  async delete(key: string) {
    await this.gate(true);
    return this.inner.delete(key);
  }
  async addMarker(key: string, ttlMs: number) {
    await this.gate(true);
    return this.inner.addMarker(key, ttlMs);
  }
  async setMarker(key: string, ttlMs: number) {
    await this.gate(true);
    return this.inner.setMarker(key, ttlMs);
  }
  async deleteMarker(key: string) {
    await this.gate(true);
    return this.inner.deleteMarker(key);
  }
  async incr(key: string) {
    await this.gate(true);
    return this.inner.incr(key);
  }
  async count(key: string) {
    await this.gate(false);
    return this.inner.count(key);
  }
  async withLock<T>(name: string, fn: () => Promise<T>) {
    await this.gate(false);
    return this.inner.withLock(name, fn);
  }
  close() {
    return this.inner.close();
  }
}
