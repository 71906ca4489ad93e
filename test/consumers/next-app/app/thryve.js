import { createThryveClient, createThryveConnectHandler } from '@thryve-connect/server';

const sandbox = process.env.THRYVE_SANDBOX_URL;

/** The backend proxy, once per server: the route handler serves it, the pages prefetch through it. */
export const thryve = createThryveConnectHandler({
  client: createThryveClient({
    username: 'sandbox-user',
    password: 'sandbox-password',
    authId: 'sandbox-auth-id',
    authSecret: 'sandbox-auth-secret',
    hosts: { api: sandbox, widget: sandbox, direct: sandbox },
  }),
  // A demo session cookie stands in for the app's sign-in.
  getEndUser: (request) => {
    const match = /(?:^|;\s*)demo-user=([A-Za-z0-9-]{1,80})/.exec(request.headers.get('cookie') ?? '');
    return match ? { alias: match[1] } : null;
  },
  // Connect and Disconnect as form posts, before the page's script runs (and without it). The
  // secret signs the cookies that bind Thryve's return to the click: a real app reads it from its
  // environment; this demo has a fixed one.
  forms: { secret: process.env.THRYVE_FORMS_SECRET ?? 'demo-only-forms-secret-0123456789abcdef' },
});

/**
 * The result of a Connect or Disconnect posted as a form (before JavaScript), read once on the server
 * for the user the page is rendered for; `none` when the page came back any other way.
 */
export function formResultFor(cookies, userKey) {
  return thryve.readResult(cookies, userKey ? { alias: userKey } : null);
}

/**
 * The session and statuses for the page's first HTML, fetched on the server with no HTTP hop and
 * tagged for this user (the demo's alias is also its userKey); nothing while signed out. The page holds a session token: it is rendered per request, never cached.
 */
export async function initialFor(userKey) {
  return userKey ? thryve.prefetch({ alias: userKey }, { userKey, locale: 'en' }) : {};
}
