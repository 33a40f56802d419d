import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

// The terminal's commands, typed into the built program through piped stdin with a real SQLite store.

const NOT_OURS = 'complaint on B0C1234567 today, we never listed it';
// "never listed" is read from the words: the seller confirms it before the dispute is drafted (issue 15).
const CONFIRMED = 'yes';
const TRADEMARK =
  'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product';

async function store(): Promise<NodeJS.ProcessEnv> {
  const dir = await tempDir('terminal');
  return {
    IPCHECK_STORE_URL: `sqlite://${join(dir, 'cases.sqlite')}`,
    IPCHECK_EXPORT_DIR: join(dir, 'exports'),
  };
}

const chat = (lines: string[], env: NodeJS.ProcessEnv) =>
  runNode('dist/main.js', [], `${lines.join('\n')}\n`, env);

/** The program's answer to one typed line (piped input echoes each line as "> line"). */
function answerTo(stdout: string, line: string): string {
  const start = stdout.indexOf(`\n> ${line}\n`);
  if (start < 0) throw new Error(`"${line}" was not read; output:\n${stdout}`);
  const from = start + line.length + 4;
  // The next line's echo, or the goodbye that ends the output.
  const ends = [stdout.indexOf('\n> ', from), stdout.indexOf('\n\nBye.', from)].filter((i) => i >= 0);
  return stdout.slice(from, ends.length > 0 ? Math.min(...ends) : undefined).trim();
}

describe('quit', () => {
  it.each(['quit', 'exit', 'q', 'Quit.'])(
    '"%s" ends the chat, says the case is saved and how to come back',
    async (word) => {
      const env = await store();
      const r = await chat([TRADEMARK, word, '1', 'status'], env);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(answerTo(r.stdout, word)).toMatch(
        /^Bye\. Case IPC-0001 is saved \(sqlite:\/\/.*cases\.sqlite\): run npm start again to continue where you stopped\. Nothing was sent anywhere\.$/,
      );
      // Nothing after quit was read.
      expect(r.stdout).not.toContain('> 1');
      const again = await chat([], env);
      expect(again.stdout).toContain('Welcome back: continuing case IPC-0001 where you stopped.');
      expect(again.stdout).toContain('Is the reported listing really yours?');
    },
  );

  it('after a decision, says how to go back to the case', async () => {
    const r = await chat([NOT_OURS, CONFIRMED, 'quit'], await store());
    expect(answerTo(r.stdout, 'quit')).toContain('Case IPC-0001 is saved (sqlite://');
    expect(answerTo(r.stdout, 'quit')).toContain(
      'run npm start again and say "open IPC-0001" to go back to it',
    );
  });

  it('help lists quit, draft and close', async () => {
    const r = await chat(['help'], await store());
    const help = answerTo(r.stdout, 'help');
    expect(help).toContain('  quit (or exit, q, Ctrl-D): end the chat; the case stays saved');
    expect(help).toContain('  draft [dispute | note | retraction]: show a draft of this case again');
    expect(help).toContain('  close [IPC-0042]: close a case that needs nothing more (asks first)');
    expect(help.trim().endsWith('help: show this help')).toBe(true);
  });
});

describe('draft', () => {
  it('shows the one main draft again, names the optional one, and lists drafts when asked for a missing one', async () => {
    const r = await chat(
      [NOT_OURS, CONFIRMED, 'draft', 'draft note', 'draft retraction', 'draft invoice'],
      await store(),
    );
    const one = answerTo(r.stdout, 'draft');
    expect(one).toMatch(
      /^IPC-0001: the dispute reply \(to the platform\)\. Fill in the \d+ \[FILL IN\] places before sending\.\n/,
    );
    expect(one).toContain('Subject: Request to restore: Amazon listing B0C1234567 was never in our store');
    expect(one).toContain('Reported listing: B0C1234567');
    expect(one).toContain(
      'Also on this case: "draft retraction" for the retraction request (to the complainant, optional).',
    );
    expect(answerTo(r.stdout, 'draft note')).toBe(
      'IPC-0001 has no lawyer-escalation note (to legal). Its drafts: "draft dispute" for the dispute reply (to the platform); "draft retraction" for the retraction request (to the complainant, optional).',
    );
    expect(answerTo(r.stdout, 'draft retraction')).toContain('Subject: Request to withdraw your complaint');
    expect(answerTo(r.stdout, 'draft invoice')).toBe(
      'Sorry: there is no "invoice" draft. Say "draft dispute", "draft note", "draft retraction" or "draft plan".',
    );
  });

  it('a delist-only case has no drafts, and says so', async () => {
    const r = await chat([TRADEMARK, '1', 'none', '2', 'yesterday', 'draft'], await store());
    expect(r.stdout).toContain('(delist_now)');
    expect(answerTo(r.stdout, 'draft')).toBe('IPC-0001 has no drafts: its routes need no letter or note.');
  });

  it('before the decision, says drafts come with it', async () => {
    const r = await chat([TRADEMARK, 'draft'], await store());
    expect(answerTo(r.stdout, 'draft')).toBe(
      'IPC-0001 has no drafts yet: they come with the decision, after the remaining questions.',
    );
  });
});

describe('close', () => {
  it('asks first; "no" keeps the case open', async () => {
    const env = await store();
    const r = await chat([NOT_OURS, CONFIRMED, 'close', 'no', 'cases'], env);
    expect(answerTo(r.stdout, 'close')).toBe(
      'Close case IPC-0001 (Amazon listing B0C1234567, decided)? A closed case is no longer continued or listed as open, and its reminders stop; "status IPC-0001" and "export IPC-0001" still show it. Say "yes" to close it; anything else keeps it open.',
    );
    expect(answerTo(r.stdout, 'no')).toBe('IPC-0001 stays open.');
    expect(answerTo(r.stdout, 'cases')).toContain('IPC-0001  amazon B0C1234567');
  });

  it('"yes" closes it: audit case_closed, no longer open, resumed or continued', async () => {
    const env = await store();
    const r = await chat([TRADEMARK, '1', 'close', 'yes', 'status', 'cases', 'open IPC-0001'], env);
    expect(answerTo(r.stdout, 'yes')).toBe(
      'Closed case IPC-0001. It is no longer listed as open; "status IPC-0001" shows its audit trail. Tell me about another complaint to open a new case.',
    );
    const status = answerTo(r.stdout, 'status');
    expect(status).toMatch(/^Case IPC-0001: closed, questions in progress/);
    expect(status).toMatch(/UTC {2}terminal:\S+ {2}case closed$/);
    expect(answerTo(r.stdout, 'cases')).toBe('No open cases.');
    expect(answerTo(r.stdout, 'open IPC-0001')).toBe(
      'Sorry: IPC-0001 is closed, so it cannot be continued; "status IPC-0001" shows it.',
    );

    // The next session does not resume it; the same complaint again opens a new case.
    const next = await chat([TRADEMARK], env);
    expect(next.stdout).toContain(
      'Your last case, IPC-0001, is closed. Tell me about a new complaint to open a new case.',
    );
    expect(next.stdout).not.toContain('Welcome back');
    expect(answerTo(next.stdout, TRADEMARK)).toContain('Is the reported listing really yours?');
    const cli = await runNode('dist/cli/ipcheck.js', ['cases'], '', env);
    expect(cli.stdout).toContain('IPC-0002  aliexpress 1005006123456789');
    expect(cli.stdout).not.toContain('IPC-0001');
  });

  it('close IPC-0042 yes closes another case without asking; an unknown id is named', async () => {
    const env = await store();
    await chat([NOT_OURS], env);
    const r = await chat(['new', TRADEMARK, 'close IPC-0001 yes', 'close IPC-0001', 'close IPC-0099'], env);
    expect(answerTo(r.stdout, 'close IPC-0001 yes')).toMatch(/^Closed case IPC-0001\./);
    expect(answerTo(r.stdout, 'close IPC-0001')).toBe(
      'IPC-0001 is already closed. "status IPC-0001" shows its audit trail.',
    );
    expect(answerTo(r.stdout, 'close IPC-0099')).toMatch(/^Sorry: IPC-0099: /);
    // The case in this conversation (IPC-0002) is untouched.
    const status = await runNode('dist/cli/ipcheck.js', ['status', 'IPC-0002'], '', env);
    expect(status.stdout).toMatch(/^Case IPC-0002: open, questions in progress/);
  });

  it('with nothing to close, says so', async () => {
    const r = await chat(['close'], await store());
    expect(answerTo(r.stdout, 'close')).toBe('No case here to close.');
  });
});
