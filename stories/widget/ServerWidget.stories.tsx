import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  createProxyFetcher,
  type Locale,
  normalizeSessionPayload,
  SESSION_EXPIRY_MARGIN_MS,
  type SessionSeed,
  seedSession,
  ThryveConnectError,
} from '@thryve-connect/core';
import { ar } from '@thryve-connect/react/messages/ar';
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test';
// The server entry's sources: `@thryve-connect/react/server` resolves only under `react-server`.
import {
  MAX_SERVER_SEED_AGE_MS,
  type ServerConnectionWidgetProps,
  ThryveConnectionWidget,
} from '../../packages/react/src/server/ThryveConnectionWidget.js';
import { WidgetIsland, type WidgetIslandProps } from '../../packages/react/src/server/WidgetIsland.js';
import { widgetMessagesEn } from '../../packages/react/src/widgetMessages.js';
import { STORY_USER } from '../support/StoryProvider.js';
import { clearSandboxFaults, injectSandboxFault, SANDBOX_ORIGIN } from '../support/sandbox.js';

const SESSION_ROUTE = '/api/thryve/session';
const sessionRoute = createProxyFetcher({ url: SESSION_ROUTE, connectionsUrl: false, revokeUrl: false });

/**
 * A session as the page's server would have it: the session route's answer (the backend proxy on the
 * Storybook dev server, in front of the sandbox), tagged by `seedSession` as `prefetch` tags it.
 */
async function serverSession(locale: Locale = 'en', change?: Partial<SessionSeed>): Promise<SessionSeed> {
  const seed = seedSession(normalizeSessionPayload(await sessionRoute({ locale })), {
    userKey: STORY_USER,
    locale,
  });
  return { ...seed, ...change };
}

/**
 * The props the server component hands its island: it is an async function of its props, so it is
 * called here (in a loader) and its element's props are taken as they are, validation, texts and
 * `until` included. What the stories render is then exactly what a server would send.
 */
async function islandProps(
  props: Partial<ServerConnectionWidgetProps>,
): Promise<{ island: WidgetIslandProps }> {
  const element = await ThryveConnectionWidget({
    session: null,
    // The stories' Thryve is the sandbox: its origin is the one allowed, as Thryve's is in production.
    allowedWidgetOrigins: [SANDBOX_ORIGIN],
    height: 560,
    ...props,
  });
  if (element?.type !== WidgetIsland) throw new Error('The server widget rendered no island.');
  return { island: element.props as WidgetIslandProps };
}

const widgetOf = (canvasElement: HTMLElement) => {
  const element = canvasElement.querySelector<HTMLElement>('.thryve-connect-widget');
  if (!element) throw new Error('The widget container is missing.');
  return element;
};

/**
 * The panel's link (`<a href="">`, a reload of the page until the island takes the click). By its text:
 * Testing Library gives an empty `href` no link role, though browsers and axe do.
 */
const linkOf = (canvasElement: HTMLElement, name: string) =>
  within(within(canvasElement).getByRole('alert')).getByText(name, { selector: 'a[href]' });

const frameOf = (canvasElement: HTMLElement) => canvasElement.querySelector('iframe');

/** Whether the browser has loaded `src` into a frame (Resource Timing: what the island itself reads). */
const frameLoaded = (src: string | undefined) =>
  src !== undefined &&
  performance
    .getEntriesByName(src, 'resource')
    .some((entry) => (entry as PerformanceResourceTiming).initiatorType === 'iframe');

/** Waits until the frame on screen is the sandbox's widget page, loaded, and the island says ready. */
async function expectReady(canvasElement: HTMLElement) {
  await waitFor(() => expect(frameLoaded(frameOf(canvasElement)?.src)).toBe(true), { timeout: 15_000 });
  await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('ready'), { timeout: 15_000 });
  const frame = frameOf(canvasElement) as HTMLIFrameElement;
  await expect(new URL(frame.src).origin).toBe(SANDBOX_ORIGIN);
  await expect(new URL(frame.src).searchParams.get('connectionSessionToken')).toBeTruthy();
  await expect(widgetOf(canvasElement).getAttribute('aria-busy')).toBe('false');
  return frame;
}

/** The session route's POSTs among the page's fetches. */
const sessionPosts = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(
    ([url, init]) => String(url) === SESSION_ROUTE && (init as RequestInit | undefined)?.method === 'POST',
  );

/**
 * `@thryve-connect/react/server`'s `ThryveConnectionWidget` is an async React Server Component, which
 * Storybook cannot run. What reaches the browser is its client island, `WidgetIsland`, with props
 * the server resolved (a validated frame or a problem, the texts, the root's attributes): each story
 * calls the server component in a loader for those props and renders the island with them, against the
 * sandbox through the real backend proxy. No provider: the server widget needs none.
 */
const meta = {
  title: 'Components/ThryveConnectionWidget (Server Component)',
  render: (_args, { loaded }) => <WidgetIsland {...(loaded as { island: WidgetIslandProps }).island} />,
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A session the server fetched for this request: the iframe is in the first HTML, on Thryve's origin
 * (here the sandbox's). The island recognises the frame's load (even one before hydration) and
 * announces the widget as ready.
 */
export const Ready: Story = {
  loaders: [async () => islandProps({ session: serverSession() })],
  play: async ({ canvasElement }) => {
    const frame = await expectReady(canvasElement);
    await expect(frame.title).toBe(widgetMessagesEn.widgetTitle);
    await expect(frame.getAttribute('sandbox')).toContain('allow-scripts');
    await expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
    await expect(frame.style.height).toBe('560px');
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(widgetMessagesEn.widgetReady);
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

/**
 * The session of the page on screen aged (here 6 s after the render). The page stays — the user may
 * be halfway through a provider's login — and an announced bar offers Reload: it POSTs to the session
 * route (`sessionUrl`) and swaps in a frame with the fresh session.
 */
export const ExpiredPageKept: Story = {
  loaders: [
    async () =>
      islandProps({
        session: serverSession('en', { expiresAt: Date.now() + SESSION_EXPIRY_MARGIN_MS + 6_000 }),
      }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const loaded = await expectReady(canvasElement);
    await waitFor(() => expect(widgetOf(canvasElement).dataset.state).toBe('expired'), { timeout: 15_000 });
    // Kept: the same frame, the Reload beside it, announced once (the status region).
    await expect(frameOf(canvasElement)).toBe(loaded);
    await expect(canvas.getByRole('status')).toHaveTextContent(widgetMessagesEn.widgetExpired);
    await expect(canvas.getByText(widgetMessagesEn.widgetExpired, { selector: 'p' })).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
    const fetches = spyOn(globalThis, 'fetch');
    try {
      await userEvent.click(canvas.getByRole('button', { name: widgetMessagesEn.reload }));
      await waitFor(() => expect(sessionPosts(fetches)).toHaveLength(1));
      await waitFor(() => expect(frameOf(canvasElement)).not.toBe(loaded), { timeout: 15_000 });
      const fresh = await expectReady(canvasElement);
      await expect(fresh.src).not.toBe(loaded.src);
      await expect(canvas.queryByRole('button', { name: widgetMessagesEn.reload })).toBeNull();
    } finally {
      fetches.mockRestore();
    }
  },
};

/**
 * The server refused its seed: older than a request takes (over a minute here, one a cache replayed),
 * so possibly another request's. No page is shown; the expired panel's Reload is a link to this page,
 * which works before the script runs, and once the island is hydrated fetches a fresh session instead.
 */
export const ExpiredNoPage: Story = {
  loaders: [
    async () =>
      islandProps({ session: serverSession('en', { fetchedAt: Date.now() - 2 * MAX_SERVER_SEED_AGE_MS }) }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(widgetOf(canvasElement).dataset.state).toBe('expired');
    await expect(frameOf(canvasElement)).toBeNull();
    await expect(canvas.getByRole('alert')).toHaveTextContent(widgetMessagesEn.widgetExpired);
    const reload = linkOf(canvasElement, widgetMessagesEn.reload);
    await expect(reload.getAttribute('href')).toBe('');
    await userEvent.click(reload);
    await expectReady(canvasElement);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

const THRYVE_DOWN = new ThryveConnectError('server_error', 'Thryve answered HTTP 503.', { status: 503 });

/**
 * The server could not get a session (here Thryve answered 503): the error panel with its text and a
 * Retry link. A Retry while Thryve still fails shows the error again; once it answers, the widget loads.
 */
export const ErrorRetry: Story = {
  loaders: [async () => islandProps({ session: Promise.reject(THRYVE_DOWN) })],
  beforeEach: async () => {
    // Thryve's session endpoint (the sandbox's) fails until the story clears it: the session route
    // answers a server error, as the server's own `prefetch` met one.
    await injectSandboxFault({ route: 'connection', type: 'error', status: 500 });
    return clearSandboxFaults;
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { problem } = (loaded as { island: WidgetIslandProps }).island;
    await expect(problem).toBe(widgetMessagesEn.errors.unavailable);
    await expect(widgetOf(canvasElement).dataset.state).toBe('error');
    await expect(canvas.getByRole('alert')).toHaveTextContent(widgetMessagesEn.errors.unavailable);
    await expect(frameOf(canvasElement)).toBeNull();

    // Still failing: the session route is asked, and the same text and Retry come back.
    const fetches = spyOn(globalThis, 'fetch');
    try {
      await userEvent.click(linkOf(canvasElement, widgetMessagesEn.retry));
      await waitFor(() => expect(sessionPosts(fetches)).toHaveLength(1));
      await waitFor(() => expect(widgetOf(canvasElement).getAttribute('aria-busy')).toBe('false'), {
        timeout: 15_000,
      });
    } finally {
      fetches.mockRestore();
    }
    await expect(widgetOf(canvasElement).dataset.state).toBe('error');
    await expect(canvas.getByRole('alert')).toHaveTextContent(widgetMessagesEn.errors.unavailable);

    // Thryve is back: the real route's session loads.
    await clearSandboxFaults();
    await userEvent.click(linkOf(canvasElement, widgetMessagesEn.retry));
    await expectReady(canvasElement);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** `theme="dark"` (the page's own background is dark too): the expired panel, its text and its link. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [
    async () =>
      islandProps({
        theme: 'dark',
        session: serverSession('en', { fetchedAt: Date.now() - 2 * MAX_SERVER_SEED_AGE_MS }),
      }),
  ],
  play: async ({ canvasElement }) => {
    await expect(widgetOf(canvasElement).dataset.theme).toBe('dark');
    await expect(within(canvasElement).getByRole('alert')).toBeVisible();
  },
};

/**
 * In Arabic (`locale="ar"`, `messages={ar}`): the session is fetched for `ar`, the texts and the frame's
 * name are Arabic, and the layout runs right to left (`dir` from the locale).
 */
export const Arabic: Story = {
  loaders: [async () => islandProps({ locale: 'ar', messages: ar, session: serverSession('ar') })],
  play: async ({ canvasElement }) => {
    const frame = await expectReady(canvasElement);
    await expect(widgetOf(canvasElement).getAttribute('lang')).toBe('ar');
    await expect(widgetOf(canvasElement).getAttribute('dir')).toBe('rtl');
    await expect(new URL(frame.src).searchParams.get('lang')).toBe('ar');
    await expect(frame.title).toBe(ar.widgetTitle);
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(ar.widgetReady);
  },
};
