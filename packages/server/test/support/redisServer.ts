import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What to run when `redis-server` is missing: the Redis tests fail with it rather than skip. */
export const INSTALL_REDIS = 'apt-get install -y redis-server';

/** A throwaway `redis-server` on a unix socket (TCP off): started, killed and restarted by a test. */
export interface TestRedis {
  /** The unix socket clients connect to (`{ path }` in ioredis options). */
  path: string;
  /** Stops it hard (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same socket, empty. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}

function ping(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('error', () => resolve(false));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.write('PING\r\n');
  });
}

export async function startTestRedis(): Promise<TestRedis> {
  const version = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error(`redis-server is not installed, and the Redis store's tests need it: ${INSTALL_REDIS}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'thryve-redis-'));
  const path = join(dir, 'redis.sock');
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    rmSync(path, { force: true });
    child = spawn(
      'redis-server',
      [
        '--port',
        '0',
        '--unixsocket',
        path,
        '--unixsocketperm',
        '700',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i++) {
      if (existsSync(path) && (await ping(path))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('redis-server did not start within 5 s.');
  }

  async function kill(): Promise<void> {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }

  await start();
  return {
    path,
    kill,
    start,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
