// A Server Component page: the widget is imported straight from the package; its "use client"
// boundary is what lets this work.
import { ThryveConnectionWidget } from '@thryve-connect/react';
import { connection } from 'next/server';
import { demoUser } from './demoUser';
import { Providers } from './Providers';
import { initialFor } from './thryve';

// Rendered whole before it is sent: a streamed <Suspense> would move the server's iframe, and a moved
// frame loads again.
export const instant = false;

export default async function Page() {
  // Per request, never prerendered: the HTML holds the user's session token.
  await connection();
  const userKey = await demoUser();
  // The widget's session (and the statuses) in the server's HTML: no request from the browser on load.
  const initial = await initialFor(userKey);
  return (
    <Providers userKey={userKey} {...initial}>
      <h1>Connect your devices</h1>
      <ThryveConnectionWidget />
    </Providers>
  );
}
