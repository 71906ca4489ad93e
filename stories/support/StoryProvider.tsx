import type { Decorator } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { createProxyFetcher, type Locale, type ThryveFetcher } from '@thryve-connect/core';
import { ThryveConnectProvider } from '@thryve-connect/react';
import { ar } from '@thryve-connect/react/messages/ar';
import { de } from '@thryve-connect/react/messages/de';
import { fr } from '@thryve-connect/react/messages/fr';
import { ja } from '@thryve-connect/react/messages/ja';
import { pl } from '@thryve-connect/react/messages/pl';
import { type ReactNode, useState } from 'react';
import { SANDBOX_HOSTS, SANDBOX_ORIGIN } from './sandbox.js';

/** The demo user the dev proxy answers for: the story's cookie (see `useDemoUser`), else its default. */
function demoUserOf(): string {
  return /(?:^|;\s*)thryve-demo-user=([A-Za-z0-9-]{1,80})/.exec(document.cookie)?.[1] ?? STORY_USER;
}

/** The fetcher a host app uses: its own backend's routes (here the dev proxy in front of the sandbox). */
export const proxyFetcher: ThryveFetcher = createProxyFetcher('/api/thryve/session');

// The languages the stories show; an app imports only its own (each under 1 kB).
const TRANSLATIONS = { ar, de, fr, ja, pl };

/** The demo user stories sign in as: the same alias the dev proxy's cookie names (see sandbox.ts). */
export const STORY_USER = 'storybook-demo-user';

/**
 * Each story gets its own QueryClient, so one story's session or error never leaks into the next,
 * and the sandbox's origin as the only allowed widget origin, as a production app would have Thryve's.
 */
export function StoryProvider(props: {
  fetcher?: ThryveFetcher;
  locale?: Locale;
  /** Default: the demo user. `undefined`, given explicitly, is "sign-in still loading". */
  userKey?: string | null | undefined;
  children: ReactNode;
}) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <ThryveConnectProvider
      userKey={'userKey' in props ? props.userKey : demoUserOf()}
      fetcher={props.fetcher ?? proxyFetcher}
      locale={props.locale}
      hosts={SANDBOX_HOSTS}
      allowedWidgetOrigins={[SANDBOX_ORIGIN]}
      queryClient={queryClient}
      // As a German-speaking app would: the German texts are an import, so English-only apps skip them.
      messages={TRANSLATIONS}
    >
      {props.children}
    </ThryveConnectProvider>
  );
}

/** A story decorator: the story inside a {@link StoryProvider} with this fetcher (default: the live one). */
export function withProvider(fetcher?: ThryveFetcher, locale?: Locale): Decorator {
  return (Story) => (
    <StoryProvider fetcher={fetcher} locale={locale}>
      <Story />
    </StoryProvider>
  );
}

function FreshProvider(props: {
  create: () => ThryveFetcher;
  locale?: Locale | undefined;
  children: ReactNode;
}) {
  const [fetcher] = useState(props.create);
  return (
    <StoryProvider fetcher={fetcher} locale={props.locale}>
      {props.children}
    </StoryProvider>
  );
}

/** Like {@link withProvider}, with a fetcher made anew for every mount: stateful fakes start clean each time. */
export function withFreshProvider(create: () => ThryveFetcher, locale?: Locale): Decorator {
  return (Story) => (
    <FreshProvider create={create} locale={locale}>
      <Story />
    </FreshProvider>
  );
}
