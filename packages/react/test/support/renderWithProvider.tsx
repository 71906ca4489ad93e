import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import type { ThryveFetcher } from '@thryve-connect/core';
import type { ReactNode } from 'react';
import { ThryveConnectProvider, type ThryveConnectProviderProps } from '../../src/index.js';
import { WIDGET_ORIGIN } from './fakeFetcher.js';

/** The signed-in user of the tests, unless a test is about switching users. */
export const USER = 'user-a';

type Extra = Partial<Omit<ThryveConnectProviderProps, 'fetcher' | 'client' | 'children'>>;

/**
 * One provider setup for every jsdom test (TanStack's `renderWithClient`): the host's own QueryClient
 * around our provider, the test user signed in, the jsdom widget origin allowed.
 */
export function providerWrapper(fetcher: ThryveFetcher, extra: Extra = {}) {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ThryveConnectProvider
        userKey={USER}
        fetcher={fetcher}
        allowedWidgetOrigins={[WIDGET_ORIGIN]}
        {...(extra as object)}
      >
        {children}
      </ThryveConnectProvider>
    </QueryClientProvider>
  );
  return { queryClient, wrapper };
}

/** Renders `ui` inside {@link providerWrapper}. */
export function renderWithProvider(
  fetcher: ThryveFetcher,
  ui: ReactNode,
  extra: Extra = {},
): RenderResult & { queryClient: QueryClient } {
  const { queryClient, wrapper } = providerWrapper(fetcher, extra);
  return Object.assign(render(ui, { wrapper }), { queryClient });
}
