import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

// What the person typed, as messages. Piped input is one message per line (scripts rely on it). At a
// terminal, a paste is one message however many lines it has: the terminal marks a paste when asked
// (bracketed paste mode), and lines that arrive within a few milliseconds of each other are a paste too,
// for terminals that do not mark them (nobody types Enter and a whole new line that fast).

const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';
/** Lines closer together than this are one paste. */
export const PASTE_GAP_MS = 30;

export interface InputOptions {
  input: Readable;
  output: Writable;
  /** A person at a terminal (stdin is a TTY): pastes are joined into one message. */
  interactive: boolean;
}

export interface Messages extends AsyncIterable<string> {
  /** Shows the "> " prompt (at a terminal only). */
  prompt(): void;
  /** Stops reading: the iteration ends after the messages already read. */
  close(): void;
}

const isTty = (s: Readable | Writable) => (s as { isTTY?: boolean }).isTTY === true;

export function readMessages(opts: InputOptions): Messages {
  // Line editing (arrows, history) and paste marks need both ends to be a terminal.
  const terminal = opts.interactive && isTty(opts.input) && isTty(opts.output);
  const rl: Interface = createInterface({
    input: opts.input,
    ...(terminal ? { output: opts.output, prompt: '> ' } : {}),
    terminal,
    crlfDelay: Number.POSITIVE_INFINITY,
  });

  const ready: string[] = [];
  let waiting: ((v: IteratorResult<string>) => void) | undefined;
  let closed = false;
  const deliver = (msg: string | undefined) => {
    if (msg !== undefined) ready.push(msg);
    if (!waiting) return;
    const w = waiting;
    if (ready.length > 0) {
      waiting = undefined;
      w({ value: ready.shift() as string, done: false });
    } else if (closed) {
      waiting = undefined;
      w({ value: undefined, done: true });
    }
  };

  let lines: string[] = [];
  let pasting = false;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (lines.length === 0) return;
    const msg = lines.join('\n');
    lines = [];
    deliver(msg);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, PASTE_GAP_MS);
  };

  rl.on('line', (line: string) => {
    if (!opts.interactive) return deliver(line);
    lines.push(line);
    // Inside a marked paste, wait for its end; otherwise for a short quiet gap.
    if (!pasting) later();
  });
  if (terminal) {
    opts.output.write(PASTE_ON);
    opts.input.on('keypress', (_s: string, key: { name?: string } | undefined) => {
      if (key?.name === 'paste-start') {
        pasting = true;
        clearTimeout(timer);
      } else if (key?.name === 'paste-end') {
        pasting = false;
        // A paste that ends inside a line waits for Enter (the person may finish the line); else it is sent.
        if (rl.line === '') later();
      }
    });
    // Ctrl-C at the prompt ends the chat like "quit" (raw mode turns it into this event, not a signal).
    rl.on('SIGINT', () => rl.close());
  }
  rl.on('close', () => {
    if (terminal) opts.output.write(PASTE_OFF);
    flush();
    closed = true;
    deliver(undefined);
  });

  return {
    prompt() {
      if (!opts.interactive) return;
      if (terminal) {
        opts.output.write('\n');
        rl.prompt();
      } else opts.output.write('\n> ');
    },
    close() {
      rl.close();
    },
    [Symbol.asyncIterator]() {
      return {
        next: () =>
          new Promise<IteratorResult<string>>((resolve) => {
            waiting = resolve;
            deliver(undefined);
          }),
        return: async () => {
          rl.close();
          return { value: undefined, done: true };
        },
      };
    },
  };
}
