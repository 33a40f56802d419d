import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import type { FakeSlackApi } from '../fakes/slack-api.js';

// The built app (dist/main.js, what `npm start` runs) as a real process in Slack HTTP mode, pointed at the
// fake Web API: for the tests that signal or kill it.

export const PROCESS_SECRET = 'process-test-signing-secret-01';
export const PROCESS_TOKEN = 'xoxb-process-test';

export interface SlackProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  out: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts dist/main.js against `api` and resolves once it says it runs (its first stdout line). */
export async function startSlackProcess(
  api: FakeSlackApi,
  env: Record<string, string>,
): Promise<SlackProcess> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: PROCESS_TOKEN,
      SLACK_SIGNING_SECRET: PROCESS_SECRET,
      SLACK_API_URL: api.url,
      PORT: '0',
      HOST: '127.0.0.1',
      IPCHECK_LEGAL_CHANNEL: 'C0LEGAL01',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const line = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no start line; stderr: ${err}`)), 20_000);
    const check = () => {
      if (out.includes('\n')) {
        clearTimeout(t);
        resolve(out.split('\n')[0] ?? '');
      }
    };
    child.stdout.on('data', check);
    void exit.then(({ code }) => {
      clearTimeout(t);
      reject(new Error(`exited ${code} before starting; stderr: ${err}`));
    });
  });
  const url = /(http:\/\/127\.0\.0\.1:\d+\/slack\/events)/.exec(line)?.[1];
  if (!url) throw new Error(`no URL in the start line: ${line}`);
  return { child, url, out: () => out + err, exit };
}
