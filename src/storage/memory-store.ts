import { CaseState } from '../core/case-state.js';
import type { CaseStore } from '../core/ports.js';

/** Cases in process memory: the terminal chat and tests. Values are copied so callers cannot alias them. */
export class MemoryCaseStore implements CaseStore {
  private readonly cases = new Map<string, string>();

  async get(key: string): Promise<CaseState | undefined> {
    const raw = this.cases.get(key);
    return raw === undefined ? undefined : CaseState.parse(JSON.parse(raw));
  }

  async set(key: string, state: CaseState): Promise<void> {
    this.cases.set(key, JSON.stringify(state));
  }
}
