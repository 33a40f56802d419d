import type { WebClient } from './slack-deps.js';

// Only members of the legal channel may press legal buttons. Membership is read from Slack and kept for
// a minute, so a busy legal thread does not call conversations.members on every click.
const TTL_MS = 60_000;

export class LegalMembers {
  private cache: { at: number; members: Set<string> } | undefined;

  constructor(
    private readonly channel: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async isMember(client: WebClient, user: string): Promise<boolean> {
    if (!this.channel) return false;
    if (!this.cache || this.now() - this.cache.at > TTL_MS) {
      const members = new Set<string>();
      let cursor: string | undefined;
      do {
        const r = await client.conversations.members({
          channel: this.channel,
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        });
        for (const m of r.members ?? []) members.add(m);
        cursor = r.response_metadata?.next_cursor || undefined;
      } while (cursor);
      this.cache = { at: this.now(), members };
    }
    return this.cache.members.has(user);
  }
}
