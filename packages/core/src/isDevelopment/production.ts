/**
 * `#is-development` everywhere else (`production`, and `default`: a Node or a browser without a
 * bundler): a literal `false` in a `const`, so every explanation folds out of an app's bundle and an
 * error's message is its code.
 */
export const IS_DEVELOPMENT: boolean = false;
