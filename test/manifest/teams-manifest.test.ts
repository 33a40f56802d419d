import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { packageTeamsApp } from '../../src/cli/teams-package.js';
import { crc32 } from '../../src/packaging/crc32.js';
import { encodePng, readPngInfo } from '../../src/packaging/png.js';
import { checkManifest } from '../../src/packaging/teams-manifest.js';
import { tempDir } from '../helpers/temp-dir.js';

const DIR = join(PROJECT_ROOT, 'manifest', 'teams');
const APP_ID = '11111111-2222-3333-4444-555555555555';

/** Reads a zip through its central directory, inflating each entry and checking its CRC. */
function unzip(buf: Buffer): Record<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = inflateRawSync(buf.subarray(dataAt, dataAt + size));
    expect(crc32(data)).toBe(crc);
    out[name] = data;
    p += 46 + nameLen;
  }
  return out;
}

async function manifestAndIcons() {
  const manifest = JSON.parse(await readFile(join(DIR, 'manifest.json'), 'utf8'));
  const icons = {
    'color.png': await readFile(join(DIR, 'color.png')),
    'outline.png': await readFile(join(DIR, 'outline.png')),
  };
  return { manifest, icons };
}

describe('Teams manifest', () => {
  it('the committed manifest and icons pass every check', async () => {
    const { manifest, icons } = await manifestAndIcons();
    expect(checkManifest(manifest, icons)).toEqual([]);
    expect(readPngInfo(icons['color.png'])).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(icons['outline.png'])).toMatchObject({ width: 32, height: 32 });
  });

  it('declares the commands the bot answers', async () => {
    const { manifest } = await manifestAndIcons();
    const titles = manifest.bots[0].commandLists.flatMap((l: { commands: { title: string }[] }) =>
      l.commands.map((c) => c.title),
    );
    expect(titles).toEqual(['ipcheck', 'ipcheck help', 'ipcheck list', 'ipcheck status']);
  });

  it('names each problem of a bad manifest', async () => {
    const { manifest, icons } = await manifestAndIcons();
    const bad = {
      ...manifest,
      id: 'not-a-guid',
      accentColor: 'blue',
      bots: [
        {
          ...manifest.bots[0],
          botId: APP_ID,
          commandLists: [
            {
              scopes: ['personal'],
              commands: Array.from({ length: 11 }, (_, i) => ({ title: `cmd ${i}`, description: 'x' })),
            },
          ],
        },
      ],
    };
    const wrongSize = { ...icons, 'outline.png': encodePng(48, 48, () => [255, 255, 255, 255]) };
    const problems = checkManifest(bad, wrongSize);
    expect(problems).toEqual(
      expect.arrayContaining([
        'id must be a GUID (the Microsoft App ID)',
        'accentColor must be like #4F6BED',
        'icons.outline: outline.png is 48×48; Teams needs 32×32',
        'commandLists[0] must have 1 to 10 commands',
      ]),
    );
    expect(checkManifest(manifest, { ...icons, 'color.png': Buffer.from('GIF89a') })).toEqual([
      'icons.color: color.png is not a PNG file',
    ]);
  });

  it('npm run teams:package zips manifest.json and both icons, with MicrosoftAppId filled in', async () => {
    const out = join(await tempDir('teams-package'), 'app.zip');
    expect(await packageTeamsApp(['--out', out], { MicrosoftAppId: APP_ID })).toBe(0);
    const files = unzip(await readFile(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const m = JSON.parse((files['manifest.json'] as Buffer).toString('utf8'));
    expect(m.id).toBe(APP_ID);
    expect(m.bots[0].botId).toBe(APP_ID);
    expect(files['color.png']?.equals(await readFile(join(DIR, 'color.png')))).toBe(true);
  });

  it('refuses to package a manifest with problems, and writes nothing', async () => {
    const dir = await tempDir('teams-bad-manifest');
    const { manifest } = await manifestAndIcons();
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: 'one' }));
    await copyFile(join(DIR, 'color.png'), join(dir, 'color.png'));
    await writeFile(
      join(dir, 'outline.png'),
      encodePng(16, 16, () => [0, 0, 0, 0]),
    );
    const out = join(dir, 'app.zip');
    expect(await packageTeamsApp(['--dir', dir, '--out', out], {})).toBe(1);
    await expect(readFile(out)).rejects.toThrow();
  });
});
