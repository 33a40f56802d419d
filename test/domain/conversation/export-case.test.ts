import { describe, expect, it } from 'vitest';
import { exportCaseJson, exportCaseMarkdown } from '../../../src/domain/conversation/export-case.js';
import { outcomeOfRecord } from '../../../src/domain/conversation/outcome.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

const NOTICE = [
  'Dear Seller,',
  'Acme Inc. v. The Partnerships and Unincorporated Associations Identified on Schedule A',
  'Case No. 1:25-cv-01234 (N.D. Ill.). A TRO was issued on Nov 20. ```not code``` <b>bold</b>',
  'Listings: 1005006123456789, 1005006123456790',
].join('\n');

async function caseWithWords() {
  const chat = new Conversation(await testContext());
  await chat.send(NOTICE);
  await chat.send('[click me](javascript:alert(1)) <script>x</script> *we* deleted the listing');
  const rec = await chat.stores.cases.get('IPC-0001');
  if (!rec) throw new Error('no case');
  return { chat, rec };
}

describe('the case export keeps the seller’s words and the pasted notice', () => {
  it('Markdown: the notice in a fence no line of it can close, the words quoted and escaped, the details listed', async () => {
    const { rec } = await caseWithWords();
    const md = exportCaseMarkdown(rec, undefined, new Date('2026-11-28T10:00:00Z'));
    expect(md).toContain('## The notice as pasted');
    // The fence is longer than any run of backticks in the notice, so the notice cannot break out of it.
    expect(md).toContain(`\`\`\`\`text\n${NOTICE}\n\`\`\`\``);
    expect(md).toContain('## What the seller wrote');
    expect(md).toContain('- 2026-11-28 10:00 UTC:');
    expect(md).toContain(
      '> \\[click me\\](javascript:alert(1)) \\<script\\>x\\</script\\> \\*we\\* deleted the listing',
    );
    expect(md).not.toContain('<script>');
    expect(md).toContain('- Other listings: aliexpress 1005006123456790');
    expect(md).toContain('- TRO issued: 2026-11-20');
    expect(md).toContain('- Plaintiff: Acme Inc.');
    expect(md).toContain('- Deleted: the listing');
    // The notice appears once, in its section, not again among the details.
    expect(md.split('Dear Seller').length).toBe(2);
  });

  it('Markdown: long words are bounded', async () => {
    const chat = new Conversation(await testContext());
    await chat.send(`complaint on 1005006123456789 ${'very long words '.repeat(300)}`);
    const rec = await chat.stores.cases.get('IPC-0001');
    if (!rec) throw new Error('no case');
    const md = exportCaseMarkdown(rec, undefined, new Date('2026-11-28T10:00:00Z'));
    expect(md).toMatch(/\[… cut: \d+ more characters; the rest is in the JSON file\]/);
  });

  it('JSON: the words and the notice are there, as data', async () => {
    const { chat, rec } = await caseWithWords();
    const ctx = await testContext();
    const json = JSON.parse(exportCaseJson(rec, outcomeOfRecord(rec, ctx, chat.clock.now())));
    expect(json.case.state.details.noticeText).toBe(NOTICE);
    expect(json.case.state.said.map((m: { text: string }) => m.text)).toEqual([
      NOTICE,
      '[click me](javascript:alert(1)) <script>x</script> *we* deleted the listing',
    ]);
  });
});
