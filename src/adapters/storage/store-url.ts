// IPCHECK_STORE_URL: which store holds the cases. Pure parsing, so config can check it at startup.

export type StoreSpec =
  | { kind: 'sqlite'; path: string }
  | { kind: 'redis'; url: string }
  | { kind: 'memory' };

export const DEFAULT_STORE_URL = 'sqlite://./data/ipcheck.sqlite';

export const STORE_URL_FORMS =
  'sqlite://<path> (e.g. sqlite://./data/ipcheck.sqlite, the default), redis://[:password@]host[:port][/db] or rediss://…, or memory:// (tests only)';

export function parseStoreUrl(raw: string): StoreSpec | { error: string } {
  const url = raw.trim();
  if (url === 'memory://' || url === 'memory:') return { kind: 'memory' };
  if (url.startsWith('sqlite://')) {
    const path = url.slice('sqlite://'.length);
    if (path === '' || path === ':memory:') return { error: 'sqlite:// needs a file path' };
    return { kind: 'sqlite', path };
  }
  if (/^rediss?:\/\//.test(url)) {
    try {
      const u = new URL(url);
      if (u.hostname === '') return { error: 'redis:// needs a host' };
      if (u.pathname !== '' && u.pathname !== '/' && !/^\/\d+$/.test(u.pathname)) {
        return { error: 'the redis database must be a number, e.g. redis://host:6379/0' };
      }
      return { kind: 'redis', url };
    } catch {
      return { error: 'not a valid redis address' };
    }
  }
  return { error: 'unknown kind of store' };
}
