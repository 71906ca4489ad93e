import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-args.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe('CLI arguments', () => {
  it('defaults to port 4010', () => {
    expect(parseCliArgs([])).toEqual({ port: 4010 });
  });

  it('reads every documented flag, in both spellings', () => {
    expect(
      parseCliArgs([
        '--port',
        '0',
        '--host=0.0.0.0',
        '--session-ttl-ms',
        '500',
        '--latency-ms=20',
        '--webhook-url',
        'http://x/',
      ]),
    ).toEqual({ port: 0, host: '0.0.0.0', sessionTtlMs: 500, latencyMs: 20, webhookUrl: 'http://x/' });
  });

  it('adds --allow-redirect origins to the default allow-list', () => {
    expect(parseCliArgs(['--allow-redirect', 'https://app.example'])).toMatchObject({
      redirectAllowList: ['http://localhost', 'http://127.0.0.1', 'https://app.example'],
    });
  });

  it.each([[['--port', 'abc']], [['--port']], [['--bogus']], [['--latency-ms', '-5']]])(
    'refuses %j',
    (argv) => {
      expect(() => parseCliArgs(argv)).toThrow();
    },
  );

  it('recognises --help', () => {
    expect(parseCliArgs(['--help'])).toBe('help');
  });
});

const waitForLine = (child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> =>
  new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`CLI printed no match for ${pattern}: ${out}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => reject(new Error(`CLI exited early with ${code}: ${out}`)));
  });

describe('CLI process (built dist/cli.js)', () => {
  // The CLI is tested as shipped; run `pnpm --filter @thryve-connect/sandbox build` first to include it.
  it.skipIf(!existsSync(CLI))('starts, answers /__sandbox/health and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const match = await waitForLine(child, /Thryve sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const response = await fetch(`${match[1]}/__sandbox/health`);
      expect(await response.json()).toEqual({ ok: true });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
