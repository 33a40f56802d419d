import { describe, expect, it } from 'vitest';
import { KeyedMutex } from '../../../src/adapters/storage/mutex.js';
import { sleep } from './harness.js';

describe('KeyedMutex', () => {
  it('runs callers with one name one at a time, in order of arrival', async () => {
    const m = new KeyedMutex();
    const log: string[] = [];
    let inside = 0;
    let most = 0;
    const job = (i: number) =>
      m.run('case:IPC-0001', async () => {
        inside++;
        most = Math.max(most, inside);
        log.push(`start ${i}`);
        await sleep(5 - (i % 3));
        log.push(`end ${i}`);
        inside--;
        return i;
      });
    const results = await Promise.all([0, 1, 2, 3, 4].map(job));
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(1);
    expect(log).toEqual([0, 1, 2, 3, 4].flatMap((i) => [`start ${i}`, `end ${i}`]));
  });

  it('runs callers with different names side by side', async () => {
    const m = new KeyedMutex();
    let inside = 0;
    let most = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        m.run(name, async () => {
          inside++;
          most = Math.max(most, inside);
          await sleep(20);
          inside--;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it('passes a failure to its caller and lets the next one run', async () => {
    const m = new KeyedMutex();
    const first = m.run('x', async () => {
      throw new Error('first failed');
    });
    const second = m.run('x', async () => 'second ran');
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe('second ran');
    // And the name is usable afterwards, without anything left queued.
    await expect(m.run('x', async () => 'third ran')).resolves.toBe('third ran');
    expect((m as unknown as { tails: Map<string, unknown> }).tails.size).toBe(0);
  });
});
