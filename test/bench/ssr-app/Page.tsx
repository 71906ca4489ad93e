import { createProxyFetcher, type SessionSeed } from '@thryve-connect/core';
import { ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';

/** What the server hands the page: where Thryve is, and (server-rendered mode) the prefetched session. */
export interface PageProps {
  sandboxUrl: string;
  initialSession?: SessionSeed | undefined;
}

const fetcher = createProxyFetcher('/api/thryve/session');

/** The widget page a host renders: on the server with `initialSession`, or in the browser without. */
export function Page({ sandboxUrl, initialSession }: PageProps) {
  return (
    <ThryveConnectProvider
      userKey="bench-user"
      fetcher={fetcher}
      hosts={{ api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl }}
      allowedWidgetOrigins={[sandboxUrl]}
      initialSession={initialSession}
    >
      <ThryveConnectionWidget />
    </ThryveConnectProvider>
  );
}
