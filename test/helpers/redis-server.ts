import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMP_PREFIX } from './temp-dir.js';

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A free loopback port, found by letting the OS pick one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts connections on the loopback port. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

/** A redis-server process listening on a loopback port, with its working folder (removed by the caller). */
export interface RedisProcess {
  proc: ChildProcess;
  dir: string;
  exited(): boolean;
}

/**
 * Spawns a real redis-server (the Debian package) on `port`, with no persistence, and waits until it
 * listens. `args` are extra server options (e.g. `--replicaof`).
 */
export async function spawnRedis(port: number, args: string[] = []): Promise<RedisProcess> {
  const dir = await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}redis-`));
  const proc: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--protected-mode',
      'yes',
      ...args,
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  proc.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (exited) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`redis-server exited at start on port ${port}; is the redis-server package installed?`);
    }
    if (Date.now() > deadline)
      throw new Error(`redis-server did not listen on 127.0.0.1:${port} within 10 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, dir, exited: () => exited };
}

/** Starts a real redis-server on a free loopback port, with no persistence. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const { proc, dir, exited } = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (!exited()) {
        const gone = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await gone;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
