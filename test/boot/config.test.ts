import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/boot/config.js';

const base = { PATH: '/usr/bin' };

describe('config (the only reader of the environment)', () => {
  it('runs the terminal with no platform variables, on the SQLite default', () => {
    const c = loadConfig(base);
    expect(c.slack).toBeUndefined();
    expect(c.storeUrl).toBe('sqlite://./data/ipcheck.sqlite');
  });

  it('picks Socket Mode when an app token is set, HTTP mode with a signing secret', () => {
    const socket = loadConfig({ ...base, SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A-abc' });
    expect(socket.slack).toMatchObject({ mode: 'socket', apiUrl: 'https://slack.com/api/' });
    const http = loadConfig({
      ...base,
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      PORT: '8080',
    });
    expect(http.slack).toMatchObject({ mode: 'http', port: 8080, apiUrl: 'http://127.0.0.1:9999/api/' });
  });

  it.each<[Record<string, string>, RegExp]>([
    [
      { SLACK_BOT_TOKEN: 'xoxb-1-2-abc' },
      /^SLACK_SIGNING_SECRET is missing: HTTP mode needs the Signing Secret .*or set SLACK_APP_TOKEN/,
    ],
    [{ SLACK_APP_TOKEN: 'xapp-1-A-abc' }, /^SLACK_BOT_TOKEN is missing: expected the Bot User OAuth Token/],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'xapp-1' },
      /^SLACK_BOT_TOKEN is not valid: expected the Bot User OAuth Token .* starting xoxb-/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'not-a-token' },
      /^SLACK_APP_TOKEN is not valid: expected an app-level token/,
    ],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'short' }, /^SLACK_SIGNING_SECRET is not valid/],
    [
      { SLACK_API_URL: 'slack.com/api' },
      /^SLACK_API_URL is not valid: expected a URL like https:\/\/slack\.com\/api\//,
    ],
    [{ PORT: 'eighty' }, /^PORT is not valid: expected a port number/],
    [
      { IPCHECK_LEGAL_CHANNEL: '#legal' },
      /^IPCHECK_LEGAL_CHANNEL is not valid: expected the legal channel id, like C0123456789/,
    ],
    [{ IPCHECK_STORE_URL: 'mysql://x' }, /^IPCHECK_STORE_URL is not valid: expected sqlite:\/\/<path>/],
    [
      { IPCHECK_TZ: 'Mars/Olympus' },
      /^IPCHECK_TZ is not valid: expected your team's time zone, e.g. Asia\/Shanghai/,
    ],
  ])('%j fails naming the variable and its form', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it('never puts a secret value in its message', () => {
    try {
      loadConfig({
        ...base,
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 'has space in it but long enough',
      });
    } catch (err) {
      expect((err as Error).message).not.toContain('has space');
      return;
    }
    throw new Error('expected a ConfigError');
  });
});
