import type { Meta, StoryObj } from '@storybook/react-vite';
import { DataSourcePicker, ThryveConnectionWidget } from '@thryve-connect/react';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StoryProvider } from '../support/StoryProvider.js';
import { connectInSandbox } from '../support/sandbox.js';

const USERS = ['story-alice', 'story-bob'] as const;

/** The app's own sign-in: the session cookie its backend (here the dev proxy) reads. */
function setSessionCookie(alias: string): string {
  // biome-ignore lint/suspicious/noDocumentCookie: a demo session cookie is what the proxy reads.
  document.cookie = `thryve-demo-user=${alias}; path=/; SameSite=Lax`;
  return alias;
}

/**
 * A host app whose users sign out and in without a reload: the provider's `userKey` follows the app's
 * sign-in (here buttons that also switch the dev backend's demo cookie). Every session and status
 * belongs to one user: switching asks the new user's backend and never shows the previous user's.
 */
function SignInOut() {
  const [user, setUser] = useState<string | null>(() => setSessionCookie(USERS[0]));
  const signIn = (next: string | null) => {
    // The app's own sign-in: first its session (the cookie the backend reads), then the provider.
    if (next !== null) setSessionCookie(next);
    setUser(next);
  };
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div role="toolbar" aria-label="Account" style={{ display: 'flex', gap: 8 }}>
        {USERS.map((alias) => (
          <button key={alias} type="button" aria-pressed={user === alias} onClick={() => signIn(alias)}>
            Sign in as {alias.replace('story-', '')}
          </button>
        ))}
        <button type="button" aria-pressed={user === null} onClick={() => signIn(null)}>
          Sign out
        </button>
      </div>
      <StoryProvider userKey={user}>
        {user === null && <p>Signed out: nothing is fetched or shown.</p>}
        <DataSourcePicker include={[1, 2, 18]} />
        <ThryveConnectionWidget height={420} />
      </StoryProvider>
    </div>
  );
}

const meta = {
  title: 'Flows/Signing in and out',
  component: SignInOut,
  loaders: [() => connectInSandbox(USERS[0], [1])],
} satisfies Meta<typeof SignInOut>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Alice has Fitbit connected, Bob nothing: switch, sign out, and back. */
export const SwitchingUsers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const frameSrc = () => canvasElement.querySelector('iframe')?.getAttribute('src') ?? '';
    await expect(
      await canvas.findByRole('button', { name: 'Disconnect Fitbit' }, { timeout: 15_000 }),
    ).toBeVisible();
    await waitFor(() => expect(frameSrc()).not.toBe(''), { timeout: 15_000 });
    const alicesWidget = frameSrc();

    await userEvent.click(canvas.getByRole('button', { name: 'Sign in as bob' }));
    await expect(canvasElement.querySelector(`iframe[src="${alicesWidget}"]`)).toBeNull();
    await expect(
      await canvas.findByRole('button', { name: 'Connect Fitbit' }, { timeout: 15_000 }),
    ).toBeVisible();
    await waitFor(() => expect(frameSrc()).not.toBe(''), { timeout: 15_000 });
    await expect(frameSrc()).not.toBe(alicesWidget);

    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await expect(canvasElement.querySelector('iframe')).toBeNull();
    await expect(canvasElement.querySelector('.thryve-connect-picker')).toBeNull();
    await expect(canvas.getByText(/Signed out/)).toBeVisible();
  },
};
