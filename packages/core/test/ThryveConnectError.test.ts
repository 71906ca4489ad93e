import { describe, expect, it } from 'vitest';
import { ThryveConnectError } from '../src/index.js';

describe('ThryveConnectError', () => {
  it("says when the app's setup, not the moment, is to blame: no retry helps then", () => {
    for (const code of [
      'disallowed_origin',
      'invalid_redirect_uri',
      'configuration_error',
      'not_found',
    ] as const) {
      const error = new ThryveConnectError(code, '');
      expect([code, error.causedBySetup, error.retryable]).toEqual([code, true, false]);
    }
    for (const code of [
      'network_error',
      'timeout',
      'server_error',
      'popup_blocked',
      'rate_limited',
    ] as const) {
      expect([code, new ThryveConnectError(code, '').causedBySetup]).toEqual([code, false]);
    }
  });
});
