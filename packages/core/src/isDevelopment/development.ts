/**
 * `#is-development` under the `development` export condition (a bundler's dev build, Vitest): errors
 * carry their developer explanations. See package.json `imports`.
 */
export const IS_DEVELOPMENT: boolean = true;
