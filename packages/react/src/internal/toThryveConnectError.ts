import { isThryveConnectError, ThryveConnectError } from '@thryve-connect/core';

/**
 * Every error the components show or report is a ThryveConnectError, so hosts can switch on `code`.
 * A custom fetcher may throw anything; what is not ours counts as a network failure (retryable).
 */
export function toThryveConnectError(error: unknown): ThryveConnectError {
  if (isThryveConnectError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ThryveConnectError('network_error', `The session fetcher failed: ${message}`, { cause: error });
}
