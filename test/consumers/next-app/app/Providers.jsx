'use client';
import { createProxyFetcher } from '@thryve-connect/core';
import { ThryveConnectProvider } from '@thryve-connect/react';

// The provider takes a function (the fetcher), so it lives in a client component.
const sandbox = process.env.NEXT_PUBLIC_THRYVE_SANDBOX_URL;
const fetcher = createProxyFetcher('/api/thryve/session');

// `userKey` comes from the server page: the signed-in user whose sessions and statuses these are.
// `initialSession` and `initialConnections` come from the server's prefetch, for that same user.
export function Providers({ userKey, initialSession, initialConnections, children }) {
  return (
    <ThryveConnectProvider
      userKey={userKey}
      initialSession={initialSession}
      initialConnections={initialConnections}
      fetcher={fetcher}
      hosts={{ api: sandbox, widget: sandbox, direct: sandbox }}
      allowedWidgetOrigins={[sandbox]}
    >
      {children}
    </ThryveConnectProvider>
  );
}
