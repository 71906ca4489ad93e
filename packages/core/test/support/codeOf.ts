import { isThryveConnectError } from '../../src/index.js';

/** The `code` of the ThryveConnectError `run` throws, or 'no error'; anything else is rethrown. */
export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isThryveConnectError(error)) return error.code;
    throw error;
  }
  return 'no error';
}
