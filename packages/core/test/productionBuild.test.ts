import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

// Our users ship production builds: there, core's explanations must cost no bytes, and an error must
// still say what went wrong, by its code. Built with Vite, as our users' apps are.
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const isDevelopment = (mode: string) =>
  fileURLToPath(new URL(`../src/isDevelopment/${mode}.ts`, import.meta.url));

async function bundle(mode: 'production' | 'development'): Promise<string> {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    mode,
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    // What the package's `imports` give `#is-development` under this mode's export condition.
    resolve: { alias: { '#is-development': isDevelopment(mode) } },
    build: {
      write: false,
      minify: mode === 'production',
      lib: { entry, formats: ['es'], fileName: 'core' },
    },
  })) as Rolldown.RolldownOutput[];
  const [output] = result;
  const chunk = output?.output.find((item) => item.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('no chunk');
  return chunk.code;
}

async function importCode(code: string): Promise<typeof import('../src/index.js')> {
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

describe('production builds of core', () => {
  it('leave out the developer explanations, and their errors carry the code as the message', async () => {
    const code = await bundle('production');
    expect(code).not.toContain('is not an absolute URL');
    expect(code).not.toContain('connects only through Thryve');
    const core = await importCode(code);
    const error = (() => {
      try {
        core.parseWidgetUrl('javascript:alert(1)');
      } catch (caught) {
        return caught as InstanceType<typeof core.ThryveConnectError>;
      }
    })();
    expect(error?.code).toBe('insecure_url');
    expect(error?.message).toBe('insecure_url');
  });

  it('keep the explanations in development builds', async () => {
    const core = await importCode(await bundle('development'));
    expect(() => core.parseWidgetUrl('/relative')).toThrow(/is not an absolute URL/);
  });
});
