import { cookies } from 'next/headers';

/** The signed-in user, as the app's own auth knows it (here a demo cookie; the route handler reads the same). */
export async function demoUser() {
  const value = (await cookies()).get('demo-user')?.value;
  return value && /^[A-Za-z0-9-]{1,80}$/.test(value) ? value : null;
}
