// The server widget on a page that reads no request data (no cookies, no headers, no connection()):
// without Cache Components Next would prerender it at build time, token and all, for every visitor.
import { userFingerprint } from '@thryve-connect/core';
import { ThryveConnectionWidget } from '@thryve-connect/react/server';

const origin = process.env.NEXT_PUBLIC_THRYVE_SANDBOX_URL;

export default function Page() {
  return (
    <ThryveConnectionWidget
      session={{
        url: `${origin}/?connectionSessionToken=1060285265X4247109939067552841&lang=en`,
        seededFor: { user: userFingerprint('fixed'), locale: 'en' },
      }}
      allowedWidgetOrigins={[origin]}
    />
  );
}
