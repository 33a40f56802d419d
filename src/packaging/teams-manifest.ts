import { type PngInfo, readPngInfo } from './png.js';

// Checks a Teams app manifest before it is zipped, so a bad package is refused here with a clear line
// instead of by the Teams upload dialog. Our own checks of what the schema requires and what ipcheck
// relies on (schema v1.17: https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json).

export const MANIFEST_SCHEMA =
  'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json';
export const MANIFEST_VERSION = '1.17';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+$/;
const BOT_SCOPES = new Set(['personal', 'team', 'groupChat']);

interface Command {
  title?: unknown;
  description?: unknown;
}
interface Manifest {
  $schema?: unknown;
  manifestVersion?: unknown;
  version?: unknown;
  id?: unknown;
  developer?: { name?: unknown; websiteUrl?: unknown; privacyUrl?: unknown; termsOfUseUrl?: unknown };
  name?: { short?: unknown; full?: unknown };
  description?: { short?: unknown; full?: unknown };
  icons?: { color?: unknown; outline?: unknown };
  accentColor?: unknown;
  bots?: { botId?: unknown; scopes?: unknown; commandLists?: { scopes?: unknown; commands?: Command[] }[] }[];
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const https = (v: unknown) => str(v) && /^https:\/\/\S+$/.test(v);

/** Problems with the manifest (empty: fine). `icons` maps an icon file name to its bytes. */
export function checkManifest(m: Manifest, icons: Record<string, Buffer | undefined>): string[] {
  const p: string[] = [];
  if (m.$schema !== MANIFEST_SCHEMA) p.push(`$schema must be ${MANIFEST_SCHEMA}`);
  if (m.manifestVersion !== MANIFEST_VERSION) p.push(`manifestVersion must be "${MANIFEST_VERSION}"`);
  if (!str(m.version) || !SEMVER.test(m.version)) p.push('version must be like 1.0.0');
  if (!str(m.id) || !GUID.test(m.id)) p.push('id must be a GUID (the Microsoft App ID)');
  if (!str(m.developer?.name)) p.push('developer.name is required');
  for (const k of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const)
    if (!https(m.developer?.[k])) p.push(`developer.${k} must be an https:// URL`);
  if (!str(m.name?.short) || m.name.short.length > 30)
    p.push('name.short is required, at most 30 characters');
  if (m.name?.full !== undefined && (!str(m.name.full) || m.name.full.length > 100))
    p.push('name.full must be at most 100 characters');
  if (!str(m.description?.short) || m.description.short.length > 80)
    p.push('description.short is required, at most 80 characters');
  if (!str(m.description?.full) || m.description.full.length > 4000)
    p.push('description.full is required, at most 4000 characters');
  if (!str(m.accentColor) || !/^#[0-9a-fA-F]{6}$/.test(m.accentColor))
    p.push('accentColor must be like #4F6BED');
  p.push(
    ...checkIcon('color', m.icons?.color, icons, 192),
    ...checkIcon('outline', m.icons?.outline, icons, 32),
  );
  const bots = m.bots ?? [];
  if (bots.length !== 1) p.push('bots must hold exactly one bot');
  for (const b of bots) {
    if (!str(b.botId) || !GUID.test(b.botId)) p.push('bots[0].botId must be a GUID');
    else if (b.botId !== m.id) p.push('bots[0].botId must be the same as id (the Microsoft App ID)');
    const scopes = Array.isArray(b.scopes) ? b.scopes : [];
    if (scopes.length === 0 || scopes.some((s) => !BOT_SCOPES.has(s)))
      p.push('bots[0].scopes must list personal, team and/or groupChat');
    const lists = b.commandLists ?? [];
    if (lists.length === 0) p.push('bots[0].commandLists must declare the commands');
    for (const [i, l] of lists.entries()) {
      const ls = Array.isArray(l.scopes) ? l.scopes : [];
      if (ls.length === 0 || ls.some((s) => !scopes.includes(s)))
        p.push(`commandLists[${i}].scopes must be scopes of the bot`);
      const cmds = l.commands ?? [];
      if (cmds.length === 0 || cmds.length > 10) p.push(`commandLists[${i}] must have 1 to 10 commands`);
      for (const c of cmds) {
        if (!str(c.title) || c.title.length > 32)
          p.push(`command title "${String(c.title)}" must be 1-32 characters`);
        if (!str(c.description) || c.description.length > 128)
          p.push(`command "${String(c.title)}" needs a description of at most 128 characters`);
      }
    }
  }
  return p;
}

function checkIcon(
  kind: string,
  file: unknown,
  icons: Record<string, Buffer | undefined>,
  size: number,
): string[] {
  if (!str(file)) return [`icons.${kind} must name a PNG file`];
  const bytes = icons[file];
  if (!bytes) return [`icons.${kind}: ${file} is missing`];
  const info: PngInfo | { error: string } = readPngInfo(bytes);
  if ('error' in info) return [`icons.${kind}: ${file} is ${info.error}`];
  if (info.width !== size || info.height !== size)
    return [`icons.${kind}: ${file} is ${info.width}×${info.height}; Teams needs ${size}×${size}`];
  return [];
}
