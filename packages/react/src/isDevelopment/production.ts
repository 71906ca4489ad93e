import type {
  explainDroppedSeeds as ExplainDroppedSeeds,
  warnConfigurationError as WarnConfigurationError,
} from '../internal/developmentWarnings.js';
import type { useProviderWarnings as Warnings } from '../internal/useProviderWarnings.js';

/**
 * `#is-development` everywhere else (`production` and `default`): a literal `false` in a `const`, so
 * every `IS_DEVELOPMENT` condition folds and its explanation drops out of the app's bundle, and no-op
 * stand-ins for the development-only hooks and warnings (their texts are never imported).
 */
export const IS_DEVELOPMENT: boolean = false;
export const useProviderWarnings: typeof Warnings = () => {};
export const warnConfigurationError: typeof WarnConfigurationError = () => {};
export const explainDroppedSeeds: typeof ExplainDroppedSeeds = () => {};
