import type { SandboxContext } from '../context.js';
import type { SandboxRoute } from '../faults.js';
import { handleConnectControl, handleFaults, handleHealth, handleReset, handleState } from './control.js';
import {
  handleConsent,
  handleDirectConnect,
  handleDirectRevoke,
  handleResult,
  RESULT_PATH,
} from './direct.js';
import { handleAccessToken, handleConnection, handleUserInformation } from './rest.js';
import { handleWidgetPage } from './widget-page.js';

/** The one signature every route has: the sandbox, the request and its parsed URL in, a response out. */
export type RouteHandler = (ctx: SandboxContext, request: Request, url: URL) => Response | Promise<Response>;

/**
 * - `rest`: Thryve's REST API; `latencyMs` applies.
 * - `page`: a page a browser navigates to.
 * - `control`: the sandbox's own API for tests; loopback callers only, CORS, never faulted.
 */
export type RouteKind = 'rest' | 'page' | 'control';

/** One entry of {@link ROUTES}. */
export interface Route {
  methods: readonly string[];
  kind: RouteKind;
  /** The fault route that targets it; `undefined`: never faulted. */
  fault: Exclude<SandboxRoute, '*'> | undefined;
  handle: RouteHandler;
}

/** Path prefix of the control API. */
export const CONTROL_PREFIX = '/__sandbox/';

const PAGE_METHODS = ['GET', 'HEAD'] as const;

/** Every route the sandbox serves, by path below its base URL. */
export const ROUTES: Readonly<Record<string, Route>> = {
  '/v5/accessToken': { methods: ['POST'], kind: 'rest', fault: 'accessToken', handle: handleAccessToken },
  '/widget/v6/connection': { methods: ['POST'], kind: 'rest', fault: 'connection', handle: handleConnection },
  '/v5/userInformation': {
    methods: ['POST'],
    kind: 'rest',
    fault: 'userInformation',
    handle: handleUserInformation,
  },
  '/': { methods: PAGE_METHODS, kind: 'page', fault: 'widget', handle: handleWidgetPage },
  '/dataSourceDirectConnection.html': {
    methods: PAGE_METHODS,
    kind: 'page',
    fault: 'directConnect',
    handle: handleDirectConnect,
  },
  '/__consent': { methods: ['GET', 'POST'], kind: 'page', fault: 'directConnect', handle: handleConsent },
  '/dataSourceDirectRevoke.html': {
    methods: PAGE_METHODS,
    kind: 'page',
    fault: 'directRevoke',
    handle: handleDirectRevoke,
  },
  [RESULT_PATH]: { methods: PAGE_METHODS, kind: 'page', fault: undefined, handle: handleResult },
  // Browsers ask every top-level page's origin for one; a 404 would be a console error in users' tests.
  '/favicon.ico': {
    methods: PAGE_METHODS,
    kind: 'page',
    fault: undefined,
    handle: () => new Response(null, { status: 204, headers: { 'Cache-Control': 'public, max-age=86400' } }),
  },
  [`${CONTROL_PREFIX}health`]: { methods: ['GET'], kind: 'control', fault: undefined, handle: handleHealth },
  [`${CONTROL_PREFIX}state`]: { methods: ['GET'], kind: 'control', fault: undefined, handle: handleState },
  [`${CONTROL_PREFIX}reset`]: { methods: ['POST'], kind: 'control', fault: undefined, handle: handleReset },
  [`${CONTROL_PREFIX}faults`]: {
    methods: ['GET', 'POST', 'DELETE'],
    kind: 'control',
    fault: undefined,
    handle: handleFaults,
  },
  [`${CONTROL_PREFIX}connect`]: {
    methods: ['POST'],
    kind: 'control',
    fault: undefined,
    handle: handleConnectControl,
  },
  [`${CONTROL_PREFIX}disconnect`]: {
    methods: ['POST'],
    kind: 'control',
    fault: undefined,
    handle: handleConnectControl,
  },
};
