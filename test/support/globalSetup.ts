import { type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import type { TestProject } from 'vitest/node';
import { SANDBOX_CREDENTIALS, TEST_SANDBOX_PORT } from './ports.js';

// Two projects (browser tests and stories) use this setup in the same Vitest process: they share one
// sandbox, started by the first and closed by the last.
const shared = globalThis as { __thryveTestSandbox?: { sandbox: Promise<Sandbox>; users: number } };

/**
 * Browser tests and stories run against a real sandbox on its own origin (127.0.0.1:4319), so the
 * widget iframe, the redirects and the background revoke cross origins as they do in production.
 */
export default async function setup(project: TestProject) {
  shared.__thryveTestSandbox ??= {
    sandbox: startSandbox({
      port: TEST_SANDBOX_PORT,
      credentials: SANDBOX_CREDENTIALS,
      redirectAllowList: ['http://localhost', 'http://127.0.0.1'],
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        throw new Error(
          `Port ${TEST_SANDBOX_PORT} is taken: another test run (or a sandbox started by hand) is using it. Stop it and run again.`,
        );
      }
      throw error;
    }),
    users: 0,
  };
  const entry = shared.__thryveTestSandbox;
  entry.users += 1;
  const sandbox = await entry.sandbox;
  project.provide('sandboxUrl', sandbox.url);
  return async () => {
    entry.users -= 1;
    if (entry.users === 0) {
      shared.__thryveTestSandbox = undefined;
      await sandbox.close();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
  }
}
