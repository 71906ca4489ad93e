import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { seedSession } from '@thryve-connect/core';
import { ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import { useEffect, useRef } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  expiringFetcher,
  pendingFetcher,
  sandboxWidgetUrl,
  signedOutFetcher,
  untrustedUrlFetcher,
} from '../support/fetchers.js';
import { proxyFetcher, STORY_USER, withFreshProvider, withProvider } from '../support/StoryProvider.js';
import { clearSandboxFaults, injectSandboxFault, SANDBOX_HOSTS, SANDBOX_ORIGIN } from '../support/sandbox.js';

const widgetOf = (canvasElement: HTMLElement) => {
  const element = canvasElement.querySelector<HTMLElement>('.thryve-connect-widget');
  if (!element) throw new Error('The widget container is missing.');
  return element;
};

/**
 * Thryve's hosted Connection Widget in an iframe. These stories run against the local sandbox
 * through the real backend proxy (`@thryve-connect/server` on the Storybook dev server), so the
 * frame you see is the sandbox's widget page on its own origin.
 */
const meta = {
  title: 'Components/ThryveConnectionWidget',
  component: ThryveConnectionWidget,
  args: { height: 560 },
  decorators: [withProvider()],
} satisfies Meta<typeof ThryveConnectionWidget>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The widget, live: a session from the backend proxy, validated, in a sandboxed iframe. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('ready'), { timeout: 15_000 });
    const frame = canvasElement.querySelector('iframe');
    await expect(frame?.getAttribute('referrerpolicy')).toBe('no-referrer');
    await expect(frame?.title).toBe('Connect your health data sources');
  },
};

/** In German: the session is fetched for `de`, and the frame's accessible name is German. */
export const German: Story = {
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('ready'), { timeout: 15_000 });
    await expect(canvasElement.querySelector('iframe')?.src).toContain('lang=de');
    await expect(canvasElement.querySelector('iframe')?.title).toBe(
      'Verbinden Sie Ihre Gesundheitsdatenquellen',
    );
  },
};

/** While the session is on its way: a skeleton, `aria-busy`, and a polite "Loading…" announcement. */
export const Loading: Story = {
  decorators: [withProvider(pendingFetcher)],
  play: async ({ canvasElement }) => {
    await expect(widgetOf(canvasElement).getAttribute('aria-busy')).toBe('true');
    await expect(within(canvasElement).getByRole('status').textContent).toMatch(/Loading/);
    // The skeleton shows after its short delay (a fast load gets no flash of it).
    const skeleton = canvasElement.querySelector('.thryve-connect-widget__skeleton') as HTMLElement;
    await waitFor(() => expect(getComputedStyle(skeleton).visibility).toBe('visible'));
    await waitFor(() => expect(getComputedStyle(skeleton).opacity).toBe('1'));
  },
};

/** The backend says the user is signed out (401): shown at once, not retried, with a Retry button. */
export const ErrorSignedOut: Story = {
  decorators: [withProvider(signedOutFetcher)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Texts other than offline load with the first such error (a lazy chunk).
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/signed out/));
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

/** The backend sent a URL on a foreign origin: refused, never put into an iframe. */
export const ErrorUntrustedUrl: Story = {
  decorators: [withProvider(untrustedUrlFetcher)],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/cannot use/));
    await expect(canvasElement.querySelector('iframe')).toBeNull();
  },
};

/** The frame did not load in time (here: a 1 ms limit): an error with Retry, never a blank box. */
export const ErrorLoadTimeout: Story = {
  args: { loadTimeoutMs: 1 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('error'), { timeout: 15_000 });
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/Could not reach/);
  },
};

/**
 * The session of a loaded widget aged on screen (here after about 10 s). The page stays — the user may
 * be halfway through a provider login — a fresh session is fetched in the background, and an announced
 * Reload swaps it in when the user chooses.
 */
export const Expired: Story = {
  decorators: [withFreshProvider(() => expiringFetcher())],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('ready'), { timeout: 15_000 });
    const loaded = canvasElement.querySelector('iframe');
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('expired'), { timeout: 20_000 });
    await expect(canvasElement.querySelector('iframe')).toBe(loaded);
    await expect(canvas.getByRole('status')).toHaveTextContent(/expired/);
    await userEvent.click(canvas.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(canvasElement.querySelector('iframe')).not.toBe(loaded));
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('ready'), { timeout: 15_000 });
  },
};

/** The host's own loading and error UI replace the built-in ones. */
export const CustomFallbacks: Story = {
  args: {
    loadingFallback: <p>Preparing your devices…</p>,
    errorFallback: ({ error, retry }) => (
      <p role="alert">
        Could not open the widget ({error.code}).{' '}
        <button type="button" onClick={retry}>
          Retry
        </button>
      </p>
    ),
  },
  decorators: [withProvider(signedOutFetcher)],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('(unauthorized)');
  },
};

/** The dark theme (toolbar: Theme → dark), shown on the error panel. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  decorators: [withProvider(signedOutFetcher)],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toBeVisible();
  },
};

/** A page as a server renders it with a session it fetched: the frame is in the HTML. */
function ServerPage(props: { session: { url: string }; loadTimeoutMs: number }) {
  const page = (
    <ThryveConnectProvider
      userKey={STORY_USER}
      fetcher={proxyFetcher}
      hosts={SANDBOX_HOSTS}
      allowedWidgetOrigins={[SANDBOX_ORIGIN]}
      queryClient={new QueryClient()}
      initialSession={seedSession(props.session, { userKey: STORY_USER, locale: 'en' })}
    >
      <ThryveConnectionWidget height={560} loadTimeoutMs={props.loadTimeoutMs} />
    </ThryveConnectProvider>
  );
  const container = useRef<HTMLDivElement>(null);
  const hydrated = useRef(false);
  useEffect(() => {
    // Once: StrictMode's second effect would put a second frame into the page.
    if (hydrated.current || !container.current) return;
    hydrated.current = true;
    container.current.innerHTML = renderToString(page);
    hydrateRoot(container.current, page);
  });
  return <div ref={container} />;
}

/**
 * A server-handed session whose frame never loads (the sandbox holds its request open): the same
 * load timeout (here 2 s) and error state as any frame, not a blank "ready" box. Retry loads it.
 */
export const ErrorServerFrameNeverLoads: Story = {
  beforeEach: async () => {
    await injectSandboxFault({ route: 'widget', type: 'hang', times: 1 });
    return clearSandboxFaults;
  },
  render: () => <ServerPage session={{ url: sandboxWidgetUrl() }} loadTimeoutMs={2_000} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('error'), { timeout: 15_000 });
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/Could not reach/);
    await expect(canvasElement.querySelector('iframe')).toBeNull();
  },
};

/**
 * A privacy notice in place of the widget: nothing of Thryve's is fetched or loaded until the user
 * agrees; the same click reports the acceptance with its version and loads the widget.
 */
export const Consent: Story = {
  args: {
    consent: {
      version: '2026-11',
      text: 'We share the data of the sources you connect with Thryve, our processor, to show your activity.',
      href: 'https://example.com/privacy',
      onAccept: fn(),
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(widgetOf(canvasElement).dataset.state).toBe('consent');
    // The notice is its own chunk, fetched because a consent is asked for.
    await expect(await canvas.findByText(/our processor/)).toBeVisible();
    await expect(canvasElement.querySelector('iframe')).toBeNull();
    await expect(canvasElement.querySelector('link[rel="preconnect"]')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Agree and continue' }));
    await expect(args.consent?.onAccept).toHaveBeenCalledOnce();
    await expect(args.consent?.onAccept).toHaveBeenCalledWith('2026-11');
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('ready'), { timeout: 15_000 });
    await expect(canvasElement.querySelector('iframe')?.src.startsWith(SANDBOX_ORIGIN)).toBe(true);
  },
};
