import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { readPngInfo } from '../../src/packaging/png.js';
import { tempDir } from '../helpers/temp-dir.js';

// The real Microsoft 365 Agents Playground (offline, a Teams-like client with its own mock connector)
// talks to the built ipcheck in Teams local mode; Debian's headless Chromium, driven by playwright-core,
// clicks through a whole case on the cards: `ipcheck 1005006123456789` → three answers → the outcome
// card → the dispute draft, edited and marked as sent. IPCHECK_UPDATE_SCREENSHOT=1 also copies the
// outcome card's screenshot to docs/teams-outcome.png (the README shows it).

const CHROMIUM = '/usr/bin/chromium';
const PLAYGROUND = join(PROJECT_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const WAIT = 30_000;

const started: ChildProcess[] = [];

/** Starts a process and resolves with the first match of `ready` in its output. */
function start(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not ready within ${WAIT} ms: ${out}`)), WAIT);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${out}`));
    });
  });
}

let playgroundUrl = '';

beforeAll(async () => {
  const bot = await start(
    [join(PROJECT_ROOT, 'dist', 'main.js')],
    { IPCHECK_TEAMS: '1', PORT: '0', HOST: '127.0.0.1', IPCHECK_STORE_URL: 'memory://' },
    /Teams bot on (http:\/\/127\.0\.0\.1:\d+\/api\/messages)/,
  );
  const pg = await start(
    [PLAYGROUND, '-e', bot[1] as string, '-c', 'msteams', '-p', '0', '--dt'],
    {},
    /Listening on (\d+)/,
  );
  playgroundUrl = `http://127.0.0.1:${pg[1]}/`;
}, 90_000);

afterAll(() => {
  for (const c of started) if (c.exitCode === null) c.kill('SIGTERM');
});

describe('Teams in the Microsoft 365 Agents Playground', () => {
  it('completes a whole case by clicking card buttons, and shows the outcome card', {
    timeout: 180_000,
  }, async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
      page.setDefaultTimeout(WAIT);
      await page.goto(playgroundUrl, { waitUntil: 'networkidle' });
      await page.locator('[contenteditable="true"][role="textbox"]').first().click();
      await page.keyboard.type('ipcheck 1005006123456789');
      await page.keyboard.press('Enter');
      const card = (text: string) => page.locator('.ac-adaptiveCard', { hasText: text }).last();
      await card('What did you receive?').waitFor();
      await card('What did you receive?')
        .getByRole('button', { name: 'A platform IP complaint or warning' })
        .click();
      await card('Is the reported listing really yours?').waitFor();
      await card('Is the reported listing really yours?')
        .getByRole('button', { name: 'No, it was never in our store' })
        .click();
      await card('When did the notice arrive?').waitFor();
      await card('When did the notice arrive?').getByRole('button', { name: 'Today', exact: true }).click();

      const outcome = card('What to do: IPC-0001');
      await outcome.waitFor();
      expect(await outcome.getByText('Deadlines', { exact: true }).count()).toBe(1);
      expect(await outcome.textContent()).toMatch(/Dispute: [\s\S]*“[\s\S]+”[\s\S]*Guidance §/);
      expect(await outcome.getByText('Open Seller Center', { exact: true }).count()).toBe(1);
      // Tall enough for the whole card: the chat pane scrolls, and a screenshot shows only what is in view.
      await page.setViewportSize({ width: 1400, height: 2800 });
      await outcome.scrollIntoViewIfNeeded();
      const shot = join(await tempDir('playground'), 'teams-outcome.png');
      await outcome.screenshot({ path: shot });
      const info = readPngInfo(await readFile(shot));
      expect(info).toMatchObject({ width: expect.any(Number) });
      if (!('error' in info)) expect(info.height).toBeGreaterThan(300);
      if (process.env.IPCHECK_UPDATE_SCREENSHOT === '1')
        await copyFile(shot, join(PROJECT_ROOT, 'docs', 'teams-outcome.png'));

      await outcome.getByRole('button', { name: 'Draft the dispute reply' }).click();
      const draft = card('Dispute reply (to the platform): IPC-0001');
      await draft.waitFor();
      const body = draft.locator('textarea').first();
      expect(await body.inputValue()).toContain('Request: please reject this complaint');
      await body.fill('We never listed this item; please reject the complaint.');
      await draft.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved the dispute reply (to the platform) on IPC-0001.').first().waitFor();
      await card('Dispute reply (to the platform): IPC-0001')
        .getByRole('button', { name: 'Mark as sent' })
        .click();
      await page
        .getByText(/marked the dispute reply \(to the platform\) as sent/)
        .first()
        .waitFor();
    } finally {
      await browser.close();
    }
  });
});
