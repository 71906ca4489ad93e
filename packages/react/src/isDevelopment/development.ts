/**
 * `#is-development` under the `development` export condition (a bundler's dev build, Vitest): the
 * developer explanations and warnings are in. See package.json `imports`.
 */
export const IS_DEVELOPMENT: boolean = true;
export { explainDroppedSeeds, warnConfigurationError } from '../internal/developmentWarnings.js';
export { useProviderWarnings } from '../internal/useProviderWarnings.js';
