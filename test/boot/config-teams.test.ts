import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/boot/config.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('config: Microsoft Teams', () => {
  it('is off without MicrosoftAppId or IPCHECK_TEAMS=1', () => {
    expect(loadConfig({}).teams).toBeUndefined();
    expect(loadConfig({ IPCHECK_TEAMS: '0' }).teams).toBeUndefined();
  });

  it('IPCHECK_TEAMS=1 alone is local mode, on this machine only', () => {
    expect(loadConfig({ IPCHECK_TEAMS: '1', PORT: '3978' }).teams).toEqual({ port: 3978, host: '127.0.0.1' });
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost'])
      expect(loadConfig({ IPCHECK_TEAMS: '1', HOST: host }).teams?.host).toBe(host);
  });

  it('refuses local mode on an address other machines can reach, saying what to set', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'ipcheck.example.com']) {
      expect(() => loadConfig({ IPCHECK_TEAMS: '1', HOST: host })).toThrow(ConfigError);
      expect(() => loadConfig({ IPCHECK_TEAMS: '1', HOST: host })).toThrow(
        /local mode\) accepts unsigned Teams requests.*HOST=127\.0\.0\.1.*MicrosoftAppId/,
      );
    }
    // With an app id every request is authenticated: any address is fine.
    expect(
      loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', HOST: '0.0.0.0' }).teams?.host,
    ).toBe('0.0.0.0');
  });

  it('an app id turns Teams on with authentication, and needs its password', () => {
    const c = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 's3cret-value',
      IPCHECK_TEAMS_LEGAL_CHANNEL: '19:abcDEF123@thread.tacv2',
    });
    expect(c.teams).toMatchObject({
      appId: APP_ID,
      appPassword: 's3cret-value',
      host: '0.0.0.0',
      legalChannel: '19:abcDEF123@thread.tacv2',
    });
    expect(() => loadConfig({ MicrosoftAppId: APP_ID })).toThrow(/MicrosoftAppPassword is missing/);
    expect(() =>
      loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }),
    ).toThrow(/MicrosoftAppTenantId is missing/);
  });

  it('names a bad variable and its form, never its value', () => {
    const bad = (env: Record<string, string>, name: string) => {
      try {
        loadConfig(env);
        throw new Error('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as Error).message).toContain(`${name} is not valid`);
        for (const v of Object.values(env)) if (v.length > 3) expect((e as Error).message).not.toContain(v);
      }
    };
    bad({ MicrosoftAppId: 'not-a-guid-value' }, 'MicrosoftAppId');
    bad({ IPCHECK_TEAMS: '1', IPCHECK_TEAMS_LEGAL_CHANNEL: 'C0123456789' }, 'IPCHECK_TEAMS_LEGAL_CHANNEL');
    bad({ IPCHECK_TEAMS: 'yes' }, 'IPCHECK_TEAMS');
    expect(() => loadConfig({ IPCHECK_TEAMS_LEGAL_CHANNEL: '19:abc@thread.tacv2' })).toThrow(
      /MicrosoftAppId is missing/,
    );
  });

  it('Slack and Teams together: local mode is refused on a public Slack port', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'abcdefghijklmnopq' };
    expect(() => loadConfig({ ...slack, IPCHECK_TEAMS: '1' })).toThrow(
      /unsigned Teams requests on Slack's public port/,
    );
    expect(loadConfig({ ...slack, IPCHECK_TEAMS: '1', HOST: '127.0.0.1' }).teams).toBeDefined();
    const c = loadConfig({ ...slack, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' });
    expect(c.slack?.mode).toBe('http');
    expect(c.teams?.appId).toBe(APP_ID);
  });
});
