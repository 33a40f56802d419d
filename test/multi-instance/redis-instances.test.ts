import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../src/boot/clock.js';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { newCase } from '../../src/domain/model/case-state.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

interface WorkerOut {
  created: string[];
  sent: string[];
}

function startWorker(name: string, caseId: string, n: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(PROJECT_ROOT, 'test/fixtures/instance-worker.ts'),
      redis.url,
      name,
      caseId,
      String(n),
    ],
    { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const done = new Promise<WorkerOut>((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${name} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as WorkerOut);
    });
  });
  return { go: () => child.stdin.end('go\n'), done };
}

describe('two ipcheck instances on one Redis', () => {
  it('lose no update, share no case id, and send a reminder once', async () => {
    const clock = fixedClock('2026-11-28T10:00:00Z');
    const setup = await openStores(redis.url, clock);
    const shared = await setup.cases.create({
      conversation: 'shared',
      channel: 'test',
      openedBy: 'U0',
      state: newCase(),
      now: clock.now(),
    });
    await setup.cases.update(shared.id, (r) => ({
      ...r,
      state: {
        ...r.state,
        status: 'decided',
        facts: {
          notice: 'platform_complaint',
          platform: 'aliexpress',
          listingIsOurs: 'no',
          noticeDate: '2026-11-27',
        },
      },
    }));
    // Due now for both instances (its deadline, 2 Dec, still matches the case's facts).
    await setup.reminders.schedule({
      id: `${shared.id}:counter_notice:2026-12-02:-3d`,
      caseId: shared.id,
      at: '2026-01-01T00:00:00.000Z',
      text: 'Reminder: counter-notice due',
    });

    const n = 40;
    const a = startWorker('A', shared.id, n);
    const b = startWorker('B', shared.id, n);
    // Let both finish loading before releasing them together.
    await new Promise((r) => setTimeout(r, 1500));
    a.go();
    b.go();
    const [ra, rb] = await Promise.all([a.done, b.done]);

    const ids = [shared.id, ...ra.created, ...rb.created];
    expect(new Set(ids).size).toBe(1 + 2 * n);

    const rec = await setup.cases.get(shared.id);
    const acks = rec?.audit.filter((e) => e.action === 'legal_acknowledged').map((e) => e.detail) ?? [];
    expect(acks).toHaveLength(2 * n);
    expect(new Set(acks).size).toBe(2 * n);
    expect(rec?.version).toBe(2 + 2 * n + 1); // created, facts, 80 acks, reminder_sent

    expect([...ra.sent, ...rb.sent]).toEqual([`${shared.id}:counter_notice:2026-12-02:-3d`]);
    expect(rec?.audit.filter((e) => e.action === 'reminder_sent')).toHaveLength(1);
    await setup.close();
  });
});
