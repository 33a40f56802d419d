import { MAX_UPLOAD_BYTES } from '../../adapters/sweep/sweep-file.js';

// Downloading a file sent to the bot in Teams. Teams hands the bot a pre-authenticated, short-lived
// `downloadUrl` on the sender's OneDrive (SharePoint): it needs no token, so none is ever sent, and only
// SharePoint's hosts are fetched — anything else in the activity is refused before a request is made.

/** A download gives up after this long (a 200 MB export over a slow link takes about a minute). */
export const DOWNLOAD_TIMEOUT_MS = 120_000;
const MAX_REDIRECTS = 3;

export class DownloadError extends Error {}

/**
 * Whether ipcheck fetches this address: https on a SharePoint host (`*.sharepoint.com`, or
 * `*.sharepoint-df.com`, Microsoft's own dogfood ring), and in local mode (no MicrosoftAppId: the Agents
 * Playground and the tests) also plain http on loopback. Never an address with a user name or password.
 */
export function allowedDownload(raw: string, localMode: boolean): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  const host = url.hostname.toLowerCase();
  const sharePoint = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(sharepoint|sharepoint-df)\.com$/.test(host);
  if (url.protocol === 'https:' && sharePoint && (url.port === '' || url.port === '443')) return url;
  const loopback = host === '127.0.0.1' || host === 'localhost';
  if (localMode && loopback && (url.protocol === 'http:' || url.protocol === 'https:')) return url;
  return undefined;
}

/** The file's bytes as a stream, and its size when the server says it (checked against the limit). */
export async function downloadFile(
  raw: string,
  localMode: boolean,
): Promise<{ size?: number; bytes: AsyncIterable<Uint8Array> }> {
  const first = allowedDownload(raw, localMode);
  if (!first)
    throw new DownloadError(
      `its download address is not on SharePoint (${hostOf(raw)}), so I did not fetch it`,
    );
  let url: URL = first;
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      // Redirects are followed by hand so every hop passes the same host rule.
      res = await fetch(url, { redirect: 'manual', signal });
    } catch (err) {
      throw new DownloadError(
        (err as Error).name === 'TimeoutError'
          ? `the download took longer than ${DOWNLOAD_TIMEOUT_MS / 1000} s`
          : 'the download failed (the link may have expired: send the file again)',
      );
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      const next: URL | undefined =
        hop < MAX_REDIRECTS ? allowedDownload(new URL(location, url).href, localMode) : undefined;
      if (!next) throw new DownloadError('the download was redirected somewhere I do not fetch from');
      url = next;
      continue;
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new DownloadError(
        `SharePoint answered ${res.status} to the download (the link may have expired: send the file again)`,
      );
    }
    const length = Number(res.headers.get('content-length') ?? Number.NaN);
    const size = Number.isFinite(length) ? length : undefined;
    if (size !== undefined && size > MAX_UPLOAD_BYTES) {
      // Not read at all: sweepFile answers with the limit from the size alone.
      await res.body.cancel();
      return { size, bytes: (async function* () {})() };
    }
    return {
      ...(size !== undefined ? { size } : {}),
      bytes: guarded(res.body as unknown as AsyncIterable<Uint8Array>),
    };
  }
}

/** A failure while reading the body (the timeout, a dropped connection) is a download error, said as such. */
async function* guarded(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    yield* body;
  } catch (err) {
    throw new DownloadError(
      (err as Error).name === 'TimeoutError'
        ? `the download took longer than ${DOWNLOAD_TIMEOUT_MS / 1000} s`
        : 'the download broke off (send the file again)',
    );
  }
}

function hostOf(raw: string): string {
  try {
    return new URL(raw).host || 'no host';
  } catch {
    return 'not an address';
  }
}
