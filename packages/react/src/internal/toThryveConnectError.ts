import { isThryveConnectError, ThryveConnectError } from '@thryve-connect/core';

// Replaced by the bundler, so the long message below drops out of production builds.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Every error the components show or report is a ThryveConnectError, so hosts can switch on `code`.
 * A custom fetcher may throw anything; what is not ours counts as a network failure (retryable).
 */
export function toThryveConnectError(error: unknown): ThryveConnectError {
  if (isThryveConnectError(error)) return error;
  return new ThryveConnectError(
    'network_error',
    process.env.NODE_ENV !== 'production'
      ? `The session fetcher failed: ${error instanceof Error ? error.message : String(error)}`
      : '',
    { cause: error },
  );
}
