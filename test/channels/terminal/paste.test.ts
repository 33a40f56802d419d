import { describe, expect, it } from 'vitest';
import { type Pty, startInPty } from '../../helpers/pty.js';
import { runNode } from '../../helpers/run-cli.js';

// A seller pastes the platform's notice into the chat: at a real terminal (a pseudo-terminal here),
// the whole paste is one message and gets one answer.

const NOTICE = [
  'Dear seller,',
  'We have received an intellectual property complaint about your listing',
  'https://www.aliexpress.com/item/1005006123456789.html',
  'Complaint type: trademark infringement.',
  'Complaint ID: 88812345',
  'Rights holder: Acme Brands Ltd.',
  'Please take action within 3 business days.',
  'Regards,',
  'AliExpress IP Protection',
  'their logo is on the product',
];

const count = (s: string, what: string) => s.split(what).length - 1;

async function chat(): Promise<Pty> {
  const pty = startInPty('dist/main.js', { IPCHECK_STORE_URL: 'memory://' });
  await pty.until('the first prompt', () => pty.prompts() === 1);
  return pty;
}

/** Waits for the answer (the next prompt), then a little longer, in case more answers were coming. */
async function answered(pty: Pty, prompts: number): Promise<string> {
  await pty.until(`prompt ${prompts}`, () => pty.prompts() >= prompts);
  await new Promise((r) => setTimeout(r, 400));
  return pty.screen();
}

async function quit(pty: Pty): Promise<string> {
  pty.type('quit\r');
  await pty.until('the goodbye', (s) => s.includes('Bye.'));
  expect(await pty.exit()).toBe(0);
  return pty.screen();
}

describe('pasting several lines at a terminal', () => {
  it('a marked paste (bracketed paste mode) is one message with one answer', async () => {
    const pty = await chat();
    // The program asks the terminal to mark pastes; a terminal then wraps them like this.
    expect(pty.screen()).not.toContain('Sorry');
    pty.type(`\x1b[200~${NOTICE.join('\r')}\r\x1b[201~`);
    const screen = await answered(pty, 2);
    expect(count(screen, 'I understood:')).toBe(1);
    expect(screen).toContain(
      'I understood: AliExpress listing 1005006123456789; a platform IP complaint; trademark;',
    );
    expect(count(screen, 'Is the reported listing really yours?')).toBe(1);
    expect(screen).not.toContain('Sorry');
    expect(pty.prompts()).toBe(2);
    await quit(pty);
  });

  it('a paste the terminal does not mark (lines arriving together) is one message too', async () => {
    const pty = await chat();
    pty.type(`${NOTICE.join('\r')}\r`);
    const screen = await answered(pty, 2);
    expect(count(screen, 'I understood:')).toBe(1);
    expect(pty.prompts()).toBe(2);
    await quit(pty);
  });

  it('a marked paste that ends mid-line waits for Enter, then goes with that line', async () => {
    const pty = await chat();
    pty.type(`\x1b[200~${NOTICE.slice(0, -1).join('\r')}\rtheir logo\x1b[201~`);
    await new Promise((r) => setTimeout(r, 500));
    expect(pty.screen()).not.toContain('I understood');
    pty.type(' is on the product\r');
    const screen = await answered(pty, 2);
    expect(count(screen, 'I understood:')).toBe(1);
    expect(screen).toContain('the product or listing does use their mark, design or work');
    await quit(pty);
  });

  it('lines typed one after another are separate answers', async () => {
    const pty = await chat();
    pty.type(`${NOTICE.slice(2, 4).join(' ')}\r`);
    const first = await answered(pty, 2);
    expect(first).toContain('Is the reported listing really yours?');
    pty.type('1\r');
    const screen = await answered(pty, 3);
    expect(count(screen, 'I understood:')).toBe(1);
    expect(screen.slice(first.length)).toMatch(/^1\n\n.*\?/);
    expect(screen).not.toContain('Sorry');
    await quit(pty);
  });

  it('Ctrl-C ends the chat like quit', async () => {
    const pty = await chat();
    pty.type('\x03');
    await pty.until('the goodbye', (s) => s.includes('Bye.'));
    expect(await pty.exit()).toBe(0);
  });
});

describe('piped input keeps one line per answer', () => {
  it('answers each line, even when they all arrive at once', async () => {
    const r = await runNode('dist/main.js', [], `${NOTICE.slice(0, 3).join('\n')}\n`);
    expect(count(r.stdout, '\n> ')).toBe(3);
    expect(r.stdout).toContain('> Dear seller,\n\n');
    expect(r.stdout).toContain('Which listing was reported?');
    // The second line answers no question but says what arrived: it is taken, and the listing asked again.
    expect(r.stdout).toContain('I understood: a platform IP complaint');
    // The typed answer is said back, then the next question.
    expect(r.stdout).toContain(
      '> https://www.aliexpress.com/item/1005006123456789.html\n\nI understood: AliExpress listing 1005006123456789. Say "back" to change the last one, or "change" to pick any.\n\nIs the reported listing really yours?',
    );
  });
});
