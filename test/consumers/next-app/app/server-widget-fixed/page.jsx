// The server widget on a page that reads no request data of its own (no cookies, no connection()):
// the widget alone must make the route render at request time (`next build` marks it ƒ).
import { userFingerprint } from '@thryve-connect/core';
import { ThryveConnectionWidget } from '@thryve-connect/react/server';

export const instant = false;

const url = `${process.env.NEXT_PUBLIC_THRYVE_SANDBOX_URL}/?connectionSessionToken=1060285265X4247109939067552841&lang=en`;

export default function Page() {
  return (
    <ThryveConnectionWidget
      session={{ url, seededFor: { user: userFingerprint('fixed'), locale: 'en' } }}
      allowedWidgetOrigins={[process.env.NEXT_PUBLIC_THRYVE_SANDBOX_URL]}
    />
  );
}
