import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/adapters/storage/kv.js';
import { openStores } from '../../../src/adapters/storage/open-store.js';
import {
  DEFAULT_STORE_URL,
  parseStoreUrl,
  STORE_URL_FORMS,
} from '../../../src/adapters/storage/store-url.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { freePort } from '../../helpers/redis-server.js';
import { expectIpcheckError, useStores } from './harness.js';

const h = useStores();
const clock = fixedClock('2026-11-28T10:00:00.000Z');
const SECRET = 's3cretPa55';

describe('parseStoreUrl', () => {
  it.each([
    ['sqlite://./data/ipcheck.sqlite', { kind: 'sqlite', path: './data/ipcheck.sqlite' }],
    ['sqlite:///var/lib/ipcheck/cases.sqlite', { kind: 'sqlite', path: '/var/lib/ipcheck/cases.sqlite' }],
    ['sqlite://cases.db', { kind: 'sqlite', path: 'cases.db' }],
    ['  sqlite://./x.sqlite\n', { kind: 'sqlite', path: './x.sqlite' }],
    ['redis://127.0.0.1:6379', { kind: 'redis', url: 'redis://127.0.0.1:6379' }],
    ['redis://127.0.0.1', { kind: 'redis', url: 'redis://127.0.0.1' }],
    ['redis://127.0.0.1:6379/', { kind: 'redis', url: 'redis://127.0.0.1:6379/' }],
    ['redis://127.0.0.1:6379/3', { kind: 'redis', url: 'redis://127.0.0.1:6379/3' }],
    ['redis://:pw@127.0.0.1:6379/0', { kind: 'redis', url: 'redis://:pw@127.0.0.1:6379/0' }],
    ['redis://ipcheck:pw@localhost:6380', { kind: 'redis', url: 'redis://ipcheck:pw@localhost:6380' }],
    ['rediss://cache.internal:6380', { kind: 'redis', url: 'rediss://cache.internal:6380' }],
    ['memory://', { kind: 'memory' }],
    ['memory:', { kind: 'memory' }],
  ])('accepts %j', (raw, spec) => {
    expect(parseStoreUrl(raw)).toEqual(spec);
  });

  it('has a default that is an SQLite file under ./data', () => {
    expect(parseStoreUrl(DEFAULT_STORE_URL)).toEqual({ kind: 'sqlite', path: './data/ipcheck.sqlite' });
  });

  it.each([
    ['', 'unknown kind of store'],
    ['   ', 'unknown kind of store'],
    ['postgres://db/ipcheck', 'unknown kind of store'],
    ['./data/ipcheck.sqlite', 'unknown kind of store'],
    ['sqlite:data.sqlite', 'unknown kind of store'],
    ['memory', 'unknown kind of store'],
    ['sqlite://', 'sqlite:// needs a file path'],
    ['sqlite://:memory:', 'sqlite:// needs a file path'],
    ['redis://', 'redis:// needs a host'],
    ['redis://:pw@', 'not a valid redis address'],
    ['redis://127.0.0.1:6379/cases', 'the redis database must be a number'],
    ['redis://127.0.0.1:99999', 'not a valid redis address'],
    ['redis://127.0.0.1:port', 'not a valid redis address'],
  ])('refuses %j', (raw, why) => {
    const r = parseStoreUrl(raw);
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toContain(why);
  });
});

describe('openStores with a bad IPCHECK_STORE_URL', () => {
  it.each(['postgres://db/ipcheck', 'sqlite://', 'redis://127.0.0.1:6379/cases'])(
    'fails at once for %j, naming the variable and the accepted forms',
    async (raw) => {
      const { err, elapsedMs } = await expectIpcheckError(openStores(raw, clock));
      expect(err.code).toBe('store_unavailable');
      expect(err.message).toMatch(/^IPCHECK_STORE_URL: /);
      expect(err.message).toContain(STORE_URL_FORMS);
      for (const form of ['sqlite://<path>', 'redis://', 'rediss://', 'memory://']) {
        expect(err.message).toContain(form);
      }
      expect(elapsedMs).toBeLessThan(1000);
    },
  );

  it('does not echo a password from a malformed redis address', async () => {
    const { err } = await expectIpcheckError(openStores(`redis://:${SECRET}@127.0.0.1:6379/db1`, clock));
    expect(err.message).toContain('IPCHECK_STORE_URL');
    expect(err.message).not.toContain(SECRET);
  });
});

describe('redactUrl', () => {
  it.each([
    [`redis://:${SECRET}@127.0.0.1:6379/0`, 'redis://***@127.0.0.1:6379/0'],
    [`redis://ipcheck:${SECRET}@cache:6379`, 'redis://***@cache:6379'],
    [`rediss://default:${SECRET}@cache.internal:6380`, 'rediss://***@cache.internal:6380'],
    // A password with an unencoded '@' (URL parsers take the last '@' as the end of the credentials).
    [`redis://:${SECRET}@x@127.0.0.1:6379`, 'redis://***@127.0.0.1:6379'],
    [`redis://:a@b@${SECRET}@127.0.0.1:6379`, 'redis://***@127.0.0.1:6379'],
  ])('hides the credentials in %j', (raw, shown) => {
    expect(redactUrl(raw)).toBe(shown);
    expect(redactUrl(raw)).not.toContain(SECRET);
  });

  it.each([
    'redis://127.0.0.1:6379',
    'redis://127.0.0.1:6379/2',
    'sqlite:///tmp/ipcheck.sqlite',
    'memory://',
  ])('leaves %j as it is', (raw) => {
    expect(redactUrl(raw)).toBe(raw);
  });

  it('never shows the password when a redis store cannot be reached', async () => {
    const port = await freePort();
    for (const url of [
      `redis://:${SECRET}@127.0.0.1:${port}`,
      `redis://ipcheck:${SECRET}@127.0.0.1:${port}/1`,
      `redis://:ab@${SECRET}@127.0.0.1:${port}`,
    ]) {
      const { err } = await expectIpcheckError(openStores(url, clock));
      expect(err.code).toBe('store_unavailable');
      expect(err.message).toContain(`127.0.0.1:${port}`);
      expect(err.message).not.toContain(SECRET);
      expect(err.message).not.toContain(SECRET.slice(3));
    }
  });

  it('never shows the password when a real redis-server refuses it', async () => {
    for (const url of [
      `redis://:${SECRET}@127.0.0.1:${h.redis.port}`,
      `redis://ipcheck:${SECRET}@127.0.0.1:${h.redis.port}`,
    ]) {
      const { err } = await expectIpcheckError(openStores(url, clock));
      expect(err.code).toBe('store_unavailable');
      expect(err.message).toContain('***@127.0.0.1');
      expect(err.message).not.toContain(SECRET);
    }
  });
});
