import { QueryClient } from '@tanstack/react-query';
import { createProxyFetcher, type Locale, type ThryveFetcher } from '@thryve-connect/core';
import { ThryveConnectProvider } from '@thryve-connect/react';
import { type ReactNode, useState } from 'react';
import { SANDBOX_HOSTS, SANDBOX_URL } from './sandbox.js';

/** The fetcher a host app uses: its own backend's routes (here the dev proxy in front of the sandbox). */
export const proxyFetcher: ThryveFetcher = createProxyFetcher('/api/thryve/session');

/**
 * Each story gets its own QueryClient, so one story's session or error never leaks into the next,
 * and the sandbox's origin as the only allowed widget origin, as a production app would have Thryve's.
 */
export function StoryProvider(props: { fetcher?: ThryveFetcher; locale?: Locale; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <ThryveConnectProvider
      fetcher={props.fetcher ?? proxyFetcher}
      locale={props.locale}
      hosts={SANDBOX_HOSTS}
      allowedWidgetOrigins={[SANDBOX_URL]}
      queryClient={queryClient}
    >
      {props.children}
    </ThryveConnectProvider>
  );
}
