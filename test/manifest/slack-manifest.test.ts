import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';

// The manifest must grant what the code uses, and no more: each Web API method the Slack adapter calls
// needs its scope listed, and each event it listens to must be subscribed.

const SCOPE_FOR_METHOD: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.members': ['channels:read', 'groups:read'],
  // A retry looks for the message an earlier try may have posted (legal parent, case message, note).
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
  'views.open': [],
  'views.publish': [],
  filesUploadV2: ['files:write'],
};
const EVENT_SUBSCRIPTIONS: Record<string, string[]> = {
  app_mention: ['app_mention'],
  message: ['message.channels', 'message.groups', 'message.im'],
  app_home_opened: ['app_home_opened'],
};
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.im': ['im:history'],
  app_home_opened: [],
};

async function sources(dir: string): Promise<string> {
  let all = '';
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    all += e.isDirectory() ? await sources(p) : e.name.endsWith('.ts') ? await readFile(p, 'utf8') : '';
  }
  return all;
}

function listUnder(yaml: string, key: string): string[] {
  const start = yaml.indexOf(`${key}:`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of yaml.slice(start).split('\n').slice(1)) {
    const m = /^\s+- ([\w:.]+)\s*$/.exec(line);
    if (m?.[1]) out.push(m[1]);
    else if (/^\s+#/.test(line)) continue;
    else break;
  }
  return out;
}

describe('manifest/slack/manifest.yaml', () => {
  it('grants every scope the code needs, subscribes every event it handles, and asks for nothing else', async () => {
    const yaml = await readFile(join(PROJECT_ROOT, 'manifest/slack/manifest.yaml'), 'utf8');
    const code = await sources(join(PROJECT_ROOT, 'src/channels/slack'));
    const scopes = listUnder(yaml, 'bot');
    const events = listUnder(yaml, 'bot_events');

    const methods = new Set([...code.matchAll(/client\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    if (code.includes('filesUploadV2(')) methods.add('filesUploadV2');
    const needed = new Set<string>(['commands']);
    // Shared files are downloaded from url_private_download with the bot token: that needs files:read.
    if (code.includes('url_private_download')) needed.add('files:read');
    for (const m of methods) {
      expect(SCOPE_FOR_METHOD, `no scope mapping for ${m}: add it to this test`).toHaveProperty([m]);
      for (const s of SCOPE_FOR_METHOD[m] ?? []) needed.add(s);
    }
    const handled = [...code.matchAll(/app\.event\('(\w+)'/g)].map((m) => m[1] as string);
    for (const ev of handled) {
      for (const sub of EVENT_SUBSCRIPTIONS[ev] ?? [ev]) {
        expect(events).toContain(sub);
        for (const s of EVENT_SCOPES[sub] ?? []) needed.add(s);
      }
    }
    expect([...scopes].sort()).toEqual([...needed].sort());
    expect(yaml).toMatch(/command: \/ipcheck/);
    expect(yaml).toMatch(/home_tab_enabled: true/);
    expect(yaml).toMatch(/socket_mode_enabled: true/);
    expect(yaml).toMatch(/interactivity:\n\s+is_enabled: true/);
  });
});
