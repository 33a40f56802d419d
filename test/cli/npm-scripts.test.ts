import { cp, mkdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { type CliResult, runProcess } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const run = (cmd: string, args: string[], cwd: string): Promise<CliResult> =>
  runProcess(cmd, args, { cwd, env: { HOME: process.env.HOME } });

describe('npm run --silent triage (the README example)', () => {
  it('prints only the program output, so the JSON parses', async () => {
    const r = await run(
      'npm',
      [
        'run',
        '--silent',
        'triage',
        '--',
        '--listing',
        '1005006123456789',
        '--answer',
        'notice=court_or_tro',
        '--json',
      ],
      PROJECT_ROOT,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.facts).toMatchObject({ platform: 'aliexpress', listingId: '1005006123456789' });
    expect(json.routes.map((x: { id: string }) => x.id)).toContain('lawyer_escalation');
  });
});

/**
 * A tiny project with the real scripts/: src/main.ts prints its arguments. With `withTypeScript` its
 * node_modules is the real install (TypeScript present), else there is none (a production install).
 */
async function project(withTypeScript: boolean): Promise<string> {
  const root = await tempDir('scripts');
  await cp(join(PROJECT_ROOT, 'scripts'), join(root, 'scripts'), { recursive: true });
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
  await writeFile(
    join(root, 'tsconfig.build.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', outDir: 'dist', rootDir: 'src', types: [] },
      include: ['src'],
    }),
  );
  await setMain(root, 'v1');
  if (withTypeScript) await symlink(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

async function setMain(root: string, version: string): Promise<void> {
  const file = join(root, 'src', 'main.ts');
  await writeFile(
    file,
    `declare const process: { argv: string[]; stdout: { write(s: string): void } };\nprocess.stdout.write(\`${version} \${process.argv.slice(2).join(' ')}\\n\`);\nexport {};\n`,
  );
}

/** Moves the last build a minute into the past, so a change made now is newer than it. */
async function buildWasEarlier(root: string): Promise<void> {
  const then = new Date(Date.now() - 60_000);
  await utimes(join(root, 'dist', '.built-at'), then, then);
}

const start = (root: string, ...args: string[]) =>
  run(process.execPath, [join(root, 'scripts', 'run.mjs'), 'dist/main.js', ...args], root);

// Each build runs the real tsc (a few seconds on a busy 2-core machine).
describe('scripts/run.mjs (npm start, triage, bench)', { timeout: 120_000 }, () => {
  it('builds a missing dist/, then starts without rebuilding until src/ changes', async () => {
    const root = await project(true);
    const first = await start(root, 'a', 'b');
    expect(first).toMatchObject({ code: 0, stdout: 'v1 a b\n', stderr: 'ipcheck: building dist/…\n' });

    const second = await start(root, 'c');
    expect(second).toMatchObject({ code: 0, stdout: 'v1 c\n', stderr: '' });

    await buildWasEarlier(root);
    await setMain(root, 'v2');
    const third = await start(root);
    expect(third).toMatchObject({
      code: 0,
      stdout: 'v2 \n',
      stderr: 'ipcheck: src/ changed; rebuilding dist/…\n',
    });

    // An added or a deleted source file changes its folder, which counts as a change too.
    await buildWasEarlier(root);
    await writeFile(join(root, 'src', 'extra.ts'), 'export const x = 1;\n');
    expect((await start(root)).stderr).toBe('ipcheck: src/ changed; rebuilding dist/…\n');
    await buildWasEarlier(root);
    await rm(join(root, 'src', 'extra.ts'));
    expect((await start(root)).stderr).toBe('ipcheck: src/ changed; rebuilding dist/…\n');
  });

  it('does not start a program that fails to compile', async () => {
    const root = await project(true);
    await writeFile(join(root, 'src', 'main.ts'), 'const n: number = "text";\n');
    const r = await start(root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Type 'string' is not assignable to type 'number'");
    expect(r.stderr).toContain('ipcheck: the build failed (errors above); nothing was started');
  });

  it('without TypeScript (npm ci --omit=dev): one clear line when dist/ is missing', async () => {
    const root = await project(false);
    const r = await start(root);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ipcheck: dist/ is missing; run npm run build (needs dev dependencies)\n',
    });
  });

  it('without TypeScript: an existing dist/ runs, with a warning when src/ is newer', async () => {
    const root = await project(true);
    expect((await start(root)).code).toBe(0);
    await rm(join(root, 'node_modules'));
    expect(await start(root, 'x')).toEqual({ code: 0, stdout: 'v1 x\n', stderr: '' });
    await buildWasEarlier(root);
    await setMain(root, 'v2');
    const r = await start(root);
    expect(r.stdout).toBe('v1 \n');
    expect(r.stderr).toBe(
      'ipcheck: src/ changed since dist/ was built, but TypeScript is not installed; running the existing dist/\n',
    );
  });
});

describe('scripts/build.mjs (npm run build, prepare)', { timeout: 120_000 }, () => {
  const build = (root: string, ...flags: string[]) =>
    run(process.execPath, [join(root, 'scripts', 'build.mjs'), ...flags], root);

  it('as prepare in a production install (no TypeScript): says so and succeeds', async () => {
    const root = await project(false);
    const r = await build(root, '--if-typescript', '--if-stale');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^ipcheck: TypeScript is not installed \(a production install\), so dist\/ was not built/,
    );
  });

  it('--if-stale builds once, then skips; a bare build always builds', async () => {
    const root = await project(true);
    expect((await build(root, '--if-stale')).code).toBe(0);
    expect((await start(root)).stderr).toBe('');
    await rm(join(root, 'dist', 'main.js'));
    expect((await build(root, '--if-stale')).code).toBe(0);
    expect((await start(root, 'y')).stdout).toBe('v1 y\n');
    expect((await build(root, '--nope')).stderr).toBe(
      'build: unknown option --nope; expected --if-stale or --if-typescript\n',
    );
  });
});
