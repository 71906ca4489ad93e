import { createThryveClient, createThryveConnectHandler } from '@thryve-connect/server';

const sandbox = process.env.THRYVE_SANDBOX_URL;
const handler = createThryveConnectHandler({
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
});

export const GET = handler;
export const POST = handler;
