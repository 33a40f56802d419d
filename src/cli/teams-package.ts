#!/usr/bin/env node
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../boot/load-context.js';
import { colorIcon, outlineIcon } from '../packaging/teams-icons.js';
import { checkManifest } from '../packaging/teams-manifest.js';
import { zip } from '../packaging/zip.js';

// `npm run teams:package`: checks manifest/teams/manifest.json and its icons, and zips the app package
// to upload in Teams (Apps > Manage your apps > Upload an app) or the Developer Portal. With
// MicrosoftAppId set, the package carries that id (the manifest's own is a placeholder).
// `--icons` draws color.png and outline.png again first.

const USAGE = 'usage: teams-package [--dir manifest/teams] [--out dist/ipcheck-teams.zip] [--icons]';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

async function readIfThere(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

export async function packageTeamsApp(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { dir: { type: 'string' }, out: { type: 'string' }, icons: { type: 'boolean' } },
    strict: true,
  });
  const dir = resolve(values.dir ?? join(PROJECT_ROOT, 'manifest', 'teams'));
  const out = resolve(values.out ?? join(PROJECT_ROOT, 'dist', 'ipcheck-teams.zip'));
  if (values.icons) {
    await writeFile(join(dir, 'color.png'), colorIcon());
    await writeFile(join(dir, 'outline.png'), outlineIcon());
  }
  const raw = await readIfThere(join(dir, 'manifest.json'));
  if (!raw) throw new Error(`${join(dir, 'manifest.json')} does not exist`);
  let manifest: Record<string, unknown> & {
    bots?: Record<string, unknown>[];
    icons?: Record<string, string>;
  };
  try {
    manifest = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new Error(`manifest.json is not JSON: ${(err as Error).message}`);
  }
  const appId = env.MicrosoftAppId;
  if (appId !== undefined) {
    if (!GUID.test(appId)) throw new Error('MicrosoftAppId is not valid: expected a GUID');
    manifest = { ...manifest, id: appId, bots: (manifest.bots ?? []).map((b) => ({ ...b, botId: appId })) };
  }
  const names = [manifest.icons?.color, manifest.icons?.outline].filter(
    (n): n is string => typeof n === 'string',
  );
  const icons: Record<string, Buffer | undefined> = {};
  for (const n of names)
    icons[n] = n.includes('/') || n.includes('\\') ? undefined : await readIfThere(join(dir, n));
  const problems = checkManifest(manifest, icons);
  if (problems.length > 0) {
    process.stderr.write(
      `teams-package: manifest.json has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const data = zip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...names.map((n) => ({ name: n, data: icons[n] as Buffer })),
  ]);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, data);
  const placeholder = appId === undefined ? ' (placeholder app id: set MicrosoftAppId to package yours)' : '';
  process.stdout.write(
    `${out}: manifest ${String(manifest.version)} for app ${String(manifest.id)}${placeholder}\n`,
  );
  return 0;
}

const isMain = process.argv[1] && resolve(process.argv[1]).endsWith(join('cli', 'teams-package.js'));
if (isMain) {
  try {
    process.exitCode = await packageTeamsApp(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`teams-package: ${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
  }
}
