// app/api/thryve/[...thryve]/route.ts — a Next.js App Router route handler.
// The browser side (`createProxyFetcher()` / the React provider) calls /api/thryve/session,
// /api/thryve/connections and /api/thryve/revoke on the same origin; the secrets stay here.
import { createThryveClient, createThryveConnectHandler } from '@thryve-connect/server';

/** Your app's users. Replace with your own session lookup (NextAuth, Lucia, iron-session, …). */
export const demoSessions = new Map<string, { userId: string; thryveAlias: string }>();

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const handler = createThryveConnectHandler({
  client: createThryveClient({
    username: process.env.THRYVE_USERNAME ?? '',
    password: process.env.THRYVE_PASSWORD ?? '',
    authId: process.env.THRYVE_AUTH_ID ?? '',
    authSecret: process.env.THRYVE_AUTH_SECRET ?? '',
    // Production hosts by default; point them at Thryve QA or the local sandbox with env variables.
    hosts: process.env.THRYVE_API_HOST
      ? {
          api: process.env.THRYVE_API_HOST,
          widget: process.env.THRYVE_WIDGET_HOST ?? process.env.THRYVE_API_HOST,
          direct: process.env.THRYVE_DIRECT_HOST ?? process.env.THRYVE_API_HOST,
        }
      : undefined,
  }),
  // The signed-in user comes from YOUR session cookie, never from the request body or query.
  getEndUser: (request) => {
    const user = demoSessions.get(readCookie(request, 'session') ?? '');
    return user ? { alias: user.thryveAlias } : null;
  },
});

export const runtime = 'nodejs';
export const { GET, POST } = { GET: handler, POST: handler };
