import type { Meta, StoryObj } from '@storybook/react-vite';
import { ThryveConnectError, type ThryveFetcher } from '@thryve-connect/core';
import { DataSourcePicker } from '@thryve-connect/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { memoryPickerFetcher } from '../support/fetchers.js';
import { withFreshProvider, withProvider } from '../support/StoryProvider.js';
import { connectInSandbox } from '../support/sandbox.js';

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
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveFocus();
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
