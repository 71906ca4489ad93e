// The widget as a Server Component (`@thryve-connect/react/server`): the iframe with this user's
// session is in the first HTML; no provider, and only a small island of client code.
import { ThryveConnectionWidget } from '@thryve-connect/react/server';
import { demoUser } from '../demoUser';
import { thryve } from '../thryve';

// Rendered whole before it is sent: a streamed <Suspense> would move the server's iframe.
export const instant = false;

export default async function Page() {
  const userKey = await demoUser();
  return (
    <>
      <h1>Connect your devices</h1>
      <ThryveConnectionWidget
        session={
          userKey && thryve.prefetch({ alias: userKey }, { userKey, locale: 'en', connections: false })
        }
        sessionUrl="/api/thryve/session"
        locale="en"
        allowedWidgetOrigins={[process.env.THRYVE_SANDBOX_URL]}
      />
    </>
  );
}
