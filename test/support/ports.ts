/** The sandbox `pnpm start` runs (Storybook's stories talk to it through the dev proxy). */
export const DEV_SANDBOX_PORT = 4010;
/**
 * The sandbox the browser tests start in their global setup: apart from the dev one, so both can run.
 * `THRYVE_TEST_SANDBOX_PORT` moves it, so two checkouts can run their suites side by side.
 */
export const TEST_SANDBOX_PORT = Number(process.env.THRYVE_TEST_SANDBOX_PORT) || 4319;
/** Demo credentials the sandbox accepts and the dev proxy sends. Not secrets: local simulator only. */
export const SANDBOX_CREDENTIALS = {
  username: 'sandbox-user',
  password: 'sandbox-password',
  authId: 'sandbox-auth-id',
  authSecret: 'sandbox-auth-secret',
} as const;
