import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';

// A built entry point run in a real pseudo-terminal: util-linux `script` (bsdutils, part of every
// Debian install) gives the program a TTY for stdin and stdout, and what we write is "typed" into it.

export interface Pty {
  /** Bytes as a terminal would send them: Enter is "\r", a marked paste is wrapped in ESC[200~ … ESC[201~. */
  type(s: string): void;
  /** What the screen got so far, without colour and cursor codes, with plain "\n" line ends. */
  screen(): string;
  /** Waits until `predicate(screen)` holds. */
  until(what: string, predicate: (screen: string) => boolean, ms?: number): Promise<void>;
  /** How many "> " prompts the screen shows. */
  prompts(): number;
  exit(): Promise<number | null>;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal escape codes is the point
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function startInPty(entry: string, env: NodeJS.ProcessEnv): Pty {
  if (spawnSync('script', ['--version']).status !== 0)
    throw new Error('the terminal tests need `script` from util-linux (Debian: bsdutils)');
  const cmd = `stty cols 200 rows 50; exec '${process.execPath}' '${join(PROJECT_ROOT, entry)}'`;
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qfec', cmd, '/dev/null'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, TERM: 'xterm-256color', ...env },
  });
  let raw = '';
  child.stdout.on('data', (d: Buffer) => {
    raw += d.toString();
  });
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  const screen = () => raw.replace(ANSI, '').replace(/\r/g, '');
  return {
    type: (s) => child.stdin.write(s),
    screen,
    prompts: () =>
      screen()
        .split('\n')
        .filter((l) => l.startsWith('> ')).length,
    until: (what, predicate, ms = 15_000) =>
      new Promise((resolve, reject) => {
        const t0 = Date.now();
        const tick = setInterval(() => {
          if (predicate(screen())) {
            clearInterval(tick);
            resolve();
          } else if (Date.now() - t0 > ms) {
            clearInterval(tick);
            child.kill('SIGKILL');
            reject(new Error(`waited ${ms} ms for ${what}; the screen:\n${screen()}`));
          }
        }, 20);
      }),
    exit: async () => {
      child.stdin.end();
      return closed;
    },
  };
}
