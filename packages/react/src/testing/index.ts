/**
 * `@thryve-connect/react/testing`: what an app's own tests need to render our components without a
 * network. Its own entry: never part of a production bundle that imports `@thryve-connect/react`.
 */
export { type BuildResultUrlOptions, buildResultUrl } from './buildResultUrl.js';
export { type BuildSessionOptions, buildSession, buildToken } from './buildSession.js';
export {
  createFakeFetcher,
  type FakeFailure,
  type FakeFetcher,
  type FakeFetcherOptions,
  type FakeRoute,
} from './createFakeFetcher.js';
export { type InterceptedNavigation, interceptNavigation } from './interceptNavigation.js';
export { type SimulateThryveRedirectOptions, simulateThryveRedirect } from './simulateThryveRedirect.js';
