import { beforeEach, describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// Details said after the decision are taken as an answer's are (answer-details.ts): they fill gaps at once,
// but a value that differs from one the seller already gave is never silently replaced: it is asked about.

let chat: Conversation;

beforeEach(async () => {
  chat = new Conversation(await testContext());
});

async function decided(): Promise<void> {
  await chat.send('complaint on 1005006123456789 yesterday, we never listed it');
  await chat.send('yes');
  expect((await chat.state()).status).toBe('decided');
}

describe('details said after the decision', () => {
  it('fill what the case does not know, at once', async () => {
    await decided();
    await chat.send('our supplier is Yiwu Hongda Factory, we first listed it on March 3, 2024');
    const d = (await chat.state()).details;
    expect(d.supplier).toBe('Yiwu Hongda Factory');
    expect(d.firstListed).toBe('2024-03-03');
    expect((await chat.state()).pending).toBeNull();
  });

  it('a value that differs from the one given is asked about, not put in its place', async () => {
    await decided();
    await chat.send('we are Doe 57 on Schedule A');
    await chat.send('sorry, we are Doe 58 on Schedule A');
    const asked = await chat.state();
    expect(asked.details.doeNumber).toBe(57);
    expect(asked.pending?.kind).toBe('confirm');
    expect(asked.proposal?.details).toEqual({ doeNumber: 58 });
    expect(chat.text).toContain('58');
  });

  it('the seller says yes: the new value is taken', async () => {
    await decided();
    await chat.send('we are Doe 57 on Schedule A');
    await chat.send('sorry, we are Doe 58 on Schedule A');
    await chat.send('yes');
    expect((await chat.state()).details.doeNumber).toBe(58);
  });

  it('the seller says no: the case keeps its value', async () => {
    await decided();
    await chat.send('we are Doe 57 on Schedule A');
    await chat.send('sorry, we are Doe 58 on Schedule A');
    await chat.send('no');
    expect((await chat.state()).details.doeNumber).toBe(57);
  });

  it('the same value again, or a fuller one, asks nothing; lists grow', async () => {
    await decided();
    await chat.send('our seller ID is A1B2C3D4E5F6G7, the plaintiff is Acme');
    await chat.send('our seller ID is A9Z8Y7X6W5V4U3, the plaintiff is Acme Brands, Inc.');
    const d = await chat.state();
    expect(d.pending).toBeNull();
    expect(d.details.sellerIds).toEqual(['A1B2C3D4E5F6G7', 'A9Z8Y7X6W5V4U3']);
    expect(d.details.plaintiff).toBe('Acme Brands, Inc.');
  });
});
