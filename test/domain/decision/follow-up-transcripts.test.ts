import { beforeEach, describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// The preservation questions sellers ask in a panic, answered in the conversation itself: in the first
// message, while a question is pending, and after the decision, even when the message also brings news.

describe('follow-up questions in the conversation', () => {
  let chat: Conversation;
  beforeEach(async () => {
    chat = new Conversation(await testContext());
  });

  it('answers "should we delete the sales records?" in the very first message of a court case', async () => {
    await chat.send(
      'we got a TRO on 1005006123456789 and our PayPal is frozen. should we delete our sales records?',
    );
    expect(chat.text).toContain('Urgent: court papers');
    expect(chat.text).toContain('No. Delete nothing');
    expect(chat.text).toMatch(/deleting the listing or its records while the case runs can hurt the defence/);
    // The questions still follow.
    expect(chat.question().questionId).toBe('listingIsOurs');
  });

  it('answers "can I ignore it?" while a question is pending, and asks the question again', async () => {
    await chat.send('a law firm sent us a cease and desist letter about 1005006123456789');
    expect(chat.text).toMatch(/do not reply, sign or pay yourself/);
    const q = chat.question().questionId;
    await chat.send('can I ignore it?');
    expect(chat.text).toContain('No. Do not answer it yourself, but do not ignore it');
    expect(chat.question().questionId).toBe(q);
  });

  it('after the decision, answers at once and still asks before changing the case', async () => {
    await chat.send(
      'got a trademark complaint on 1005006123456789, their logo is on the product, came today',
    );
    await chat.send('1'); // listing is ours
    await chat.send('none');
    await chat.send('small');
    expect(chat.outcome().routes.map((r) => r.variant)).toContain('infringing');
    // A platform complaint: deleting the listing is right.
    await chat.send('should we delete the listing?');
    expect(chat.text).toContain('Delete a listing that really infringes, and keep its sales records');
    // News of a court case in the same breath: the answer is for the court case, and the case waits for "yes".
    await chat.send('now we got a TRO too, should we delete the listing?');
    expect(chat.text).toContain('No. Delete nothing');
    expect(chat.text).toContain('Update the case with this?');
    expect((await chat.state()).facts.notice).toBe('platform_complaint');
  });
});
