import { startSandbox } from '@thryve-connect/sandbox';
import type { TestProject } from 'vitest/node';
import { SANDBOX_CREDENTIALS, TEST_SANDBOX_PORT } from './ports.js';

/**
 * Browser tests and stories run against a real sandbox on its own origin (127.0.0.1:4319), so the
 * widget iframe, the redirects and the background revoke cross origins as they do in production.
 */
export default async function setup(project: TestProject) {
  const sandbox = await startSandbox({
    port: TEST_SANDBOX_PORT,
    credentials: SANDBOX_CREDENTIALS,
    redirectAllowList: ['http://localhost', 'http://127.0.0.1'],
  });
  project.provide('sandboxUrl', sandbox.url);
  return async () => {
    await sandbox.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
  }
}
