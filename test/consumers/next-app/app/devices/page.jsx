import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { demoUser } from '../demoUser';
import { Providers } from '../Providers';
import { formResultFor, initialFor } from '../thryve';
import { Devices } from './Devices';

// Rendered whole before it is sent: a streamed <Suspense> would move the server's iframe, and a moved
// frame loads again.
export const instant = false;

export default async function Page() {
  // Per request, never prerendered: the HTML holds the user's session token.
  await connection();
  const userKey = await demoUser();
  // The widget's session (and the statuses) in the server's HTML: no request from the browser on load.
  const initial = await initialFor(userKey);
  // A Connect or Disconnect posted before JavaScript comes back here with its result in a cookie.
  const result = await formResultFor(await cookies(), userKey);
  return (
    <Providers userKey={userKey} {...initial}>
      <Devices result={result} />
    </Providers>
  );
}
