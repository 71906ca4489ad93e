import { cookies } from 'next/headers';

/** The demo's sign-in: sets the session cookie that the pages and the Thryve route read. */
export async function POST(request) {
  const { user } = await request.json();
  if (typeof user !== 'string' || !/^[A-Za-z0-9-]{1,80}$/.test(user)) {
    return Response.json({ error: 'invalid_user' }, { status: 400 });
  }
  (await cookies()).set('demo-user', user, { path: '/', httpOnly: true, sameSite: 'lax' });
  return Response.json({ user });
}
