import type { Meta, StoryObj } from '@storybook/react-vite';
import { ThryveConnectError, type ThryveFetcher } from '@thryve-connect/core';
import { DataSourcePicker } from '@thryve-connect/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { memoryPickerFetcher } from '../support/fetchers.js';
import { withFreshProvider, withProvider } from '../support/StoryProvider.js';
import { connectInSandbox, SANDBOX_URL } from '../support/sandbox.js';

/** The dev proxy's default demo user (see test/support/thryveDevProxy.ts). */
const DEMO_USER = 'storybook-demo-user';

/**
 * A ready-made custom connection screen. The live stories use the sandbox through the real backend
 * proxy: Connect opens the sandbox's consent page, exactly as Thryve's would open.
 */
const meta = {
  title: 'Components/DataSourcePicker',
  component: DataSourcePicker,
  args: { include: [1, 2, 3, 8, 18, 42] },
  decorators: [withProvider()],
} satisfies Meta<typeof DataSourcePicker>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Live: the demo user has Fitbit and Oura connected in the sandbox. */
export const Default: Story = {
  loaders: [() => connectInSandbox(DEMO_USER, [1, 18])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('button', { name: 'Disconnect Fitbit' }, { timeout: 15_000 }),
    ).toBeEnabled();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Connect Garmin' })).toBeEnabled());
  },
};

/** A grid for wider screens. */
export const Grid: Story = {
  args: { layout: 'grid', include: undefined },
  decorators: [
    withFreshProvider(() => memoryPickerFetcher({ connected: [{ dataSource: 2, connectedAt: null }] })),
  ],
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Disconnect Garmin' }),
    ).toBeVisible();
  },
};

/** While the statuses load. */
export const Loading: Story = {
  decorators: [withFreshProvider(() => memoryPickerFetcher({ connections: 'pending' }))],
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
  },
};

/** The connections route failed: an alert with Retry; the sources stay usable. */
export const ConnectionsError: Story = {
  decorators: [withFreshProvider(() => memoryPickerFetcher({ connections: 'error' }))],
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent(/signed out/);
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

/** Without a connections route the picker says "Status unknown" instead of guessing. */
export const StatusUnknown: Story = {
  decorators: [withFreshProvider(() => memoryPickerFetcher({ connections: 'none' }))],
  play: async ({ canvasElement }) => {
    await expect((await within(canvasElement).findAllByText('Status unknown')).length).toBeGreaterThan(0);
  },
};

/** Disconnect asks first; focus moves to Cancel, and back when the question closes. */
export const ConfirmDisconnect: Story = {
  decorators: [
    withFreshProvider(() => memoryPickerFetcher({ connected: [{ dataSource: 1, connectedAt: null }] })),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Disconnect Fitbit' }));
    // The question is its own chunk, fetched with the first Disconnect click: it takes the focus on arrival.
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await expect(canvas.getByText(/Its data will no longer be shared/)).toBeVisible();
  },
};

/** In German. */
export const German: Story = {
  args: { locale: 'de' },
  decorators: [
    withFreshProvider(() => memoryPickerFetcher({ connected: [{ dataSource: 1, connectedAt: null }] }), 'de'),
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Fitbit trennen' })).toBeVisible();
  },
};

/** Your own markup per source, with the same controls. */
export const CustomRender: Story = {
  args: {
    renderSource: ({ source, connection }) => (
      <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <strong>{source.name}</strong> <em>{connection.status}</em>
        <button type="button" disabled={!connection.canConnect} onClick={connection.connect}>
          Link
        </button>
      </span>
    ),
  },
  decorators: [withFreshProvider(() => memoryPickerFetcher())],
  play: async ({ canvasElement }) => {
    await expect((await within(canvasElement).findAllByText('disconnected')).length).toBeGreaterThan(0);
  },
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  decorators: [
    withFreshProvider(() => memoryPickerFetcher({ connected: [{ dataSource: 18, connectedAt: null }] })),
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Disconnect Oura' })).toBeVisible();
  },
};

/** A user with nothing connected yet. */
export const NoneConnected: Story = {
  decorators: [withFreshProvider(() => memoryPickerFetcher())],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Connect Fitbit' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /^Disconnect/ })).toBeNull();
  },
};

/** After Connect, while the provider's page is open in another tab (the tab is simulated here). */
export const Connecting: Story = {
  beforeEach: () => {
    const original = window.open;
    window.open = () => ({ opener: window }) as unknown as Window;
    return () => {
      window.open = original;
    };
  },
  decorators: [withFreshProvider(() => memoryPickerFetcher())],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const connect = await canvas.findByRole('button', { name: 'Connect Fitbit' });
    await waitFor(() => expect(connect).toBeEnabled());
    await userEvent.click(connect);
    await expect(await canvas.findByText('Connecting…', { selector: '.thryve-connect-badge' })).toBeVisible();
  },
};

/** While a disconnect is on its way (this backend never answers it). */
export const Revoking: Story = {
  args: { confirmDisconnect: false },
  decorators: [
    withFreshProvider(() => {
      const fetcher = memoryPickerFetcher({ connected: [{ dataSource: 1, connectedAt: null }] });
      fetcher.revoke = () => new Promise<never>(() => {});
      return fetcher;
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Disconnect Fitbit' }));
    await expect(
      await canvas.findByText('Disconnecting…', { selector: '.thryve-connect-badge' }),
    ).toBeVisible();
  },
};

/**
 * The browser blocked the new tab: the picker offers a plain link instead (a click on a link opens the
 * tab). Without a `redirectUri` there is no way back to this page, so it never offers this window.
 */
export const PopupBlocked: Story = {
  beforeEach: () => {
    const original = window.open;
    window.open = () => null;
    return () => {
      window.open = original;
    };
  },
  decorators: [withFreshProvider(() => memoryPickerFetcher())],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const connect = await canvas.findByRole('button', { name: 'Connect Fitbit' });
    await waitFor(() => expect(connect).toBeEnabled());
    await userEvent.click(connect);
    await expect(
      await canvas.findByRole('link', { name: 'Open the Fitbit connection page' }),
    ).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(canvas.queryByRole('button', { name: 'Continue in this window' })).toBeNull();
  },
};

/** The backend refuses a session (403): the picker says why Connect is unavailable, with Retry. */
export const SessionError: Story = {
  decorators: [
    withFreshProvider(() => {
      const fetcher = memoryPickerFetcher();
      const refused: ThryveFetcher = async () => {
        throw new ThryveConnectError('forbidden', 'HTTP 403', { status: 403 });
      };
      refused.getConnections = fetcher.getConnections;
      return refused;
    }),
  ],
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent(/not allowed to connect/);
    await expect(within(canvasElement).getByRole('button', { name: 'Connect Fitbit' })).toBeDisabled();
  },
};

/** What a stubbed `window.open` was asked, and a window that stays open. */
function recordWindowOpen() {
  const calls: { url: string; name: string | undefined; features: string | undefined }[] = [];
  const original = window.open;
  window.open = (url, name, features) => {
    calls.push({ url: String(url), name, features });
    return { closed: false, focus() {}, close() {} } as unknown as Window;
  };
  const restore = () => {
    window.open = original;
  };
  return { calls, restore };
}

let opened: ReturnType<typeof recordWindowOpen> | undefined;
const stubWindowOpen = () => {
  opened = recordWindowOpen();
  return () => opened?.restore();
};

/**
 * Popup mode: Connect opens the sandbox's consent page in a sized popup named `thryve-connect`, and the
 * row shows Connecting until the return page relays the result. The popup is recorded, not opened: its
 * return page (`relayConnectionResult()` on an app page) is no story Storybook can host at a
 * `redirectUri`. The whole journey, popup and return page included, runs in test/e2e/picker.e2e.test.ts.
 */
export const PopupMode: Story = {
  args: { mode: 'popup', redirectUri: '/thryve-return', include: [1, 2] },
  beforeEach: stubWindowOpen,
  decorators: [withFreshProvider(() => memoryPickerFetcher())],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const connect = await canvas.findByRole('button', { name: 'Connect Fitbit' });
    await waitFor(() => expect(connect).toBeEnabled());
    await userEvent.click(connect);
    await expect(opened?.calls).toHaveLength(1);
    const call = opened?.calls[0];
    await expect(call?.name).toBe('thryve-connect');
    await expect(call?.features).toMatch(/^popup,width=\d+,height=\d+/);
    const url = new URL(call?.url ?? '');
    await expect(url.origin).toBe(new URL(SANDBOX_URL).origin);
    await expect(url.pathname).toMatch(/dataSourceDirectConnection\.html$/);
    await expect(url.searchParams.get('redirect_uri')).toBe(
      new URL('/thryve-return', window.location.href).href,
    );
    await expect(await canvas.findByText('Connecting…', { selector: '.thryve-connect-badge' })).toBeVisible();
  },
};

/**
 * A privacy notice before the first connect: the host's text and a link. The Connect click accepts it
 * (reported with the version, in that click) and opens Thryve's page; the notice then goes.
 */
export const Consent: Story = {
  args: {
    include: [1, 2],
    consent: {
      version: '2026-11',
      text: 'We share the data of the sources you connect with Thryve, our processor, to show your activity.',
      href: 'https://example.com/privacy',
      onAccept: fn(),
    },
  },
  beforeEach: stubWindowOpen,
  decorators: [withFreshProvider(() => memoryPickerFetcher())],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/our processor/)).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Read the privacy notice' })).toHaveAttribute(
      'href',
      'https://example.com/privacy',
    );
    const connect = await canvas.findByRole('button', { name: 'Connect Fitbit' });
    await expect(connect).toHaveAccessibleDescription(/our processor/);
    await waitFor(() => expect(connect).toBeEnabled());
    await userEvent.click(connect);
    await expect(args.consent?.onAccept).toHaveBeenCalledOnce();
    await expect(args.consent?.onAccept).toHaveBeenCalledWith('2026-11');
    await expect(opened?.calls).toHaveLength(1);
    await expect(canvas.queryByText(/our processor/)).toBeNull();
  },
};

/**
 * Native sources, shown honestly: Apple Health, Health Connect and Samsung Health connect in the host's
 * mobile app, so they offer "Connect in our app" (here a callback) and never a web Connect.
 */
export const NativeSources: Story = {
  args: { include: [1, 5, 44, 6], nativeSources: { onSelect: fn() } },
  decorators: [
    withFreshProvider(() => memoryPickerFetcher({ connected: [{ dataSource: 6, connectedAt: null }] })),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const apple = await canvas.findByRole('button', { name: 'Connect in our app: Apple Health' });
    await expect(canvas.getByRole('button', { name: 'Connect in our app: Health Connect' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Connect Apple Health' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Connect Fitbit' })).toBeVisible();
    // Connected in the app: its status, and nothing to click here.
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-kind="native"][data-status="connected"]')).toHaveTextContent(
        'Samsung Health',
      ),
    );
    await expect(canvas.queryByRole('button', { name: /Samsung Health/ })).toBeNull();
    await userEvent.click(apple);
    const onSelect =
      args.nativeSources && 'onSelect' in args.nativeSources ? args.nativeSources.onSelect : undefined;
    await expect(onSelect).toHaveBeenCalledOnce();
    await expect(onSelect).toHaveBeenCalledWith(5, { name: 'Apple Health' });
  },
};
