import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import {
  type ConnectionsSeed,
  createPendingActionStore,
  normalizeSessionPayload,
  type SessionSeed,
  seedConnections,
  seedSession,
} from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { proxyFetcher, StoryProvider } from '../support/StoryProvider.js';
import { connectInSandbox, SANDBOX_HOSTS, SANDBOX_ORIGIN, useDemoUser } from '../support/sandbox.js';

/** Where the pending action waits across Thryve's redirect (core's default storage key). */
const PENDING_ACTION_KEY = 'thryve-connect:pending-action';
/** The session token Thryve's redirect brings back: the one the pending action fingerprinted. */
const RESULT_TOKEN = '1060285265X4247109939067552841';
const RETURNING_USER = 'story-returning-carol';
const SEEDED_USER = 'story-seeded-alice';
const NEXT_USER = 'story-seeded-bob';

const tokenOf = (src: string | null | undefined) =>
  src ? new URL(src).searchParams.get('connectionSessionToken') : null;

/**
 * The page Thryve sends the user back to, in an app whose own sign-in is still loading: `userKey` is
 * `undefined` until it knows (here the button stands in for the sign-in finishing, so you can watch
 * the wait). The result's parameters leave the address at once; the result waits in memory, and goes
 * to the user once they are known, because the pending action is theirs.
 */
function ReturningPage() {
  const [signedIn, setSignedIn] = useState(false);
  const [heard, setHeard] = useState<number[]>([]);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      {signedIn ? (
        <p>Signed in as {RETURNING_USER}.</p>
      ) : (
        <p>
          Checking your sign-in…{' '}
          <button type="button" onClick={() => setSignedIn(true)}>
            Finish sign-in
          </button>
        </p>
      )}
      <StoryProvider userKey={signedIn ? RETURNING_USER : undefined}>
        <DataSourcePicker
          include={[1, 2]}
          redirectUri={`${window.location.origin}${window.location.pathname}`}
          onConnected={(id) => setHeard((ids) => [...ids, id])}
        />
      </StoryProvider>
      <p data-testid="on-connected">onConnected: {heard.length > 0 ? heard.join(', ') : 'not called'}</p>
    </div>
  );
}

/** A server-rendered page's data, replayed as is (a router cache, back/forward) while users change. */
interface Seeds {
  initialSession: SessionSeed;
  initialConnections: ConnectionsSeed;
}

/**
 * A page whose server handed it Alice's session and statuses (`initialSession`, `initialConnections`,
 * tagged with her `userKey` and locale); then Bob signs in without a reload, and the page's props stay
 * the same. Bob's widget and statuses are his own: Alice's seed is never shown to him.
 */
function SeededPage({ seeds }: { seeds: Seeds }) {
  const [user, setUser] = useState<string>(SEEDED_USER);
  const [queryClient] = useState(() => new QueryClient());
  const signIn = (alias: string) => {
    useDemoUser(alias); // the app's own sign-in first (the cookie its backend reads), then the provider
    setUser(alias);
  };
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div role="toolbar" aria-label="Account" style={{ display: 'flex', gap: 8 }}>
        {[SEEDED_USER, NEXT_USER].map((alias) => (
          <button key={alias} type="button" aria-pressed={user === alias} onClick={() => signIn(alias)}>
            Sign in as {alias.replace('story-seeded-', '')}
          </button>
        ))}
      </div>
      <ThryveConnectProvider
        userKey={user}
        fetcher={proxyFetcher}
        hosts={SANDBOX_HOSTS}
        allowedWidgetOrigins={[SANDBOX_ORIGIN]}
        queryClient={queryClient}
        initialSession={seeds.initialSession}
        initialConnections={seeds.initialConnections}
      >
        <DataSourcePicker include={[1, 2]} />
        <ThryveConnectionWidget height={420} />
      </ThryveConnectProvider>
    </div>
  );
}

const meta = {
  title: 'Flows/Sign-in and server seeds',
  component: ReturningPage,
} satisfies Meta<typeof ReturningPage>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Carol started connecting Garmin here and allowed it at Thryve (the sandbox has it connected); Thryve
 * sent her back with the result in the address, and the app's sign-in is still loading.
 */
export const ReturningWhileSignInLoads: Story = {
  name: 'Returning while sign-in loads',
  beforeEach: async () => {
    useDemoUser(RETURNING_USER);
    await connectInSandbox(RETURNING_USER, [2]);
    const pending = createPendingActionStore();
    pending.save({ userKey: RETURNING_USER, action: 'connect', dataSource: 2, token: RESULT_TOKEN });
    const before = window.location.href;
    const back = new URL(before);
    back.searchParams.set('token', RESULT_TOKEN);
    back.searchParams.set('dataSource', '2');
    back.searchParams.set('connected', 'true');
    window.history.replaceState(window.history.state, '', back.href);
    return () => {
      pending.clear();
      window.history.replaceState(window.history.state, '', before);
    };
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const params = () => new URL(window.location.href).searchParams;
    // The token leaves the address at once, before anyone is known…
    await waitFor(() => expect(params().has('token')).toBe(false));
    await expect(params().has('dataSource')).toBe(false);
    await expect(params().has('connected')).toBe(false);
    // …and nothing is dropped while sign-in loads: the pending action waits, nothing is shown.
    await expect(canvas.getByRole('button', { name: 'Finish sign-in' })).toBeVisible();
    await expect(sessionStorage.getItem(PENDING_ACTION_KEY)).not.toBeNull();
    await expect(canvasElement.querySelector('.thryve-connect-picker')).toBeNull();
    await expect(canvas.getByTestId('on-connected')).toHaveTextContent('onConnected: not called');

    await userEvent.click(canvas.getByRole('button', { name: 'Finish sign-in' }));
    // The result goes to Carol, whose pending action it matches: announced, called back once, consumed.
    await expect(await canvas.findByText('Garmin connected.', {}, { timeout: 15_000 })).toBeInTheDocument();
    await expect(canvas.getByTestId('on-connected')).toHaveTextContent('onConnected: 2');
    await expect(sessionStorage.getItem(PENDING_ACTION_KEY)).toBeNull();
    await expect(
      await canvas.findByRole('button', { name: 'Disconnect Garmin' }, { timeout: 15_000 }),
    ).toBeVisible();
    await expect(params().has('token')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(canvas.getByTestId('on-connected')).toHaveTextContent('onConnected: 2');
  },
};

/**
 * Alice has Fitbit connected, Bob nothing. The loader stands in for the server render: it fetches
 * Alice's session and statuses through the same backend routes and tags them as the server package's
 * `prefetch(endUser, { userKey, locale })` does (core's `seedSession` / `seedConnections`).
 */
export const ServerSeededThenAnotherUserSignsIn: Story = {
  name: 'Server-seeded page, then another user signs in',
  loaders: [
    async (): Promise<{ seeds: Seeds }> => {
      await connectInSandbox(SEEDED_USER, [1]);
      useDemoUser(SEEDED_USER);
      const session = normalizeSessionPayload(await proxyFetcher({ locale: 'en' }));
      const connectedSources = (await proxyFetcher.getConnections?.({})) ?? [];
      return {
        seeds: {
          initialSession: seedSession(session, { userKey: SEEDED_USER, locale: 'en' }),
          initialConnections: seedConnections({ connectedSources }, { userKey: SEEDED_USER }),
        },
      };
    },
  ],
  render: (_args, { loaded }) => <SeededPage seeds={(loaded as { seeds: Seeds }).seeds} />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { seeds } = loaded as { seeds: Seeds };
    const alicesToken = tokenOf(seeds.initialSession.url) as string;
    const frameToken = () => tokenOf(canvasElement.querySelector('iframe')?.getAttribute('src'));

    // Alice sees the page as the server rendered it: her seeded frame and statuses, nothing fetched.
    await waitFor(() => expect(frameToken()).toBe(alicesToken), { timeout: 15_000 });
    await expect(
      await canvas.findByRole('button', { name: 'Disconnect Fitbit' }, { timeout: 15_000 }),
    ).toBeVisible();

    // From here on, every state of the page: Alice's token must not appear in any of them.
    const seen: string[] = [];
    const observer = new MutationObserver((records) => {
      // Only states that show Bob signed in (his button pressed, in the same commit as the switch):
      // before that, Alice's page may still change (her frame finishing its load, say).
      const bobs = canvasElement.querySelector('button[aria-pressed="true"]')?.textContent?.includes('bob');
      if (bobs && canvasElement.innerHTML.includes(alicesToken)) seen.push('document');
      for (const record of records) if (record.oldValue?.includes(alicesToken)) seen.push('attribute');
    });
    observer.observe(canvasElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeOldValue: true,
    });
    try {
      await userEvent.click(canvas.getByRole('button', { name: 'Sign in as bob' }));
      // Bob's own statuses (nothing connected) and his own widget session, from his backend.
      await expect(
        await canvas.findByRole('button', { name: 'Connect Fitbit' }, { timeout: 15_000 }),
      ).toBeVisible();
      await waitFor(() => expect(frameToken()).not.toBeNull(), { timeout: 15_000 });
      await expect(frameToken()).not.toBe(alicesToken);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      observer.disconnect();
    }
    await expect(seen).toEqual([]);
  },
};
