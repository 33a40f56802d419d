import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { IntakeReceiver } from '../../../src/channels/slack/receiver.js';

// The Receiver seam: Bolt's own receiver delivers, the intake decides, the Bolt app's listeners run.

/** A receiver like Bolt's: it keeps the app it is given and hands each event to its processEvent. */
function fakeReceiver() {
  let app: App | undefined;
  const calls: string[] = [];
  const r: Receiver & { deliver(e: ReceiverEvent): Promise<void>; calls: string[] } = {
    init: (a) => {
      app = a;
    },
    start: async (...args: unknown[]) => {
      calls.push(`start ${JSON.stringify(args)}`);
      return 'server';
    },
    stop: async () => {
      calls.push('stop');
    },
    deliver: async (e) => {
      await app?.processEvent(e);
    },
    calls,
  };
  return r;
}

const event = (type: string): ReceiverEvent => ({ body: { type }, ack: async () => {} });

describe('IntakeReceiver', () => {
  it("passes every event through the intake before the app's listeners, and only then", async () => {
    const seen: string[] = [];
    const app = {
      client: 'the client',
      processEvent: async (e: ReceiverEvent) => {
        seen.push(`app ${String(e.body.type)}`);
      },
    } as unknown as App;
    const inner = fakeReceiver();
    const receiver = new IntakeReceiver(inner, (a) => async (e, deliver) => {
      seen.push(`intake ${String(e.body.type)} (${String((a as unknown as { client: string }).client)})`);
      if (e.body.type !== 'dropped') await deliver(e);
    });
    receiver.init(app);
    await inner.deliver(event('block_actions'));
    await inner.deliver(event('dropped'));
    expect(seen).toEqual([
      'intake block_actions (the client)',
      'app block_actions',
      'intake dropped (the client)',
    ]);
  });

  it("starts and stops the receiver it wraps, with Bolt's arguments and answers", async () => {
    const inner = fakeReceiver();
    const receiver = new IntakeReceiver(inner, () => async () => {});
    expect(await receiver.start({ port: 0 })).toBe('server');
    await receiver.stop();
    expect(inner.calls).toEqual(['start [{"port":0}]', 'stop']);
  });
});
