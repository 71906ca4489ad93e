import { act, render, screen, waitFor, within } from '@testing-library/react';
import {
  DataSourcePicker,
  ThryveConnectProvider,
  type UseConnectionResultOptions,
  useConnectionResult,
} from '@thryve-connect/react';
import {
  createFakeFetcher,
  type FakeFetcher,
  interceptNavigation,
  simulateThryveRedirect,
} from '@thryve-connect/react/testing';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The page Thryve sends the user back to, as an app's test would play it with the kit we ship.

function HostListener(props: UseConnectionResultOptions & { name: string }) {
  const result = useConnectionResult(props);
  return <output data-testid={props.name}>{result.status}</output>;
}

function Page(props: { backend: FakeFetcher; userKey: string | null | undefined; children?: ReactNode }) {
  return (
    <StrictMode>
      <ThryveConnectProvider userKey={props.userKey} fetcher={props.backend.fetcher}>
        {props.children}
      </ThryveConnectProvider>
    </StrictMode>
  );
}

const badge = (name: string) =>
  within(
    screen.getByText(name, { selector: '.thryve-connect-source__name' }).closest('li') as HTMLElement,
  ).getByText(/^(Connected|Not connected|Status unknown)$/).textContent;

/** Alice starts a Garmin connect on /devices, and Thryve sends her back: the address she lands on. */
async function aliceConnectsGarmin(backend: FakeFetcher): Promise<string> {
  const navigation = interceptNavigation();
  try {
    const { unmount } = render(
      <Page backend={backend} userKey="alice">
        <DataSourcePicker include={[1, 2]} redirectUri={`${window.location.origin}/devices?tab=2`} />
      </Page>,
    );
    const connect = await screen.findByRole('button', { name: 'Connect Garmin' });
    await waitFor(() => expect((connect as HTMLButtonElement).disabled).toBe(false));
    act(() => connect.click());
    unmount();
    return simulateThryveRedirect(navigation.urls[0] as string, { backend });
  } finally {
    navigation.restore();
  }
}

function land(url: string) {
  const landed = new URL(url);
  window.history.replaceState(null, '', `${landed.pathname}${landed.search}`);
}

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/devices');
});
afterEach(() => vi.restoreAllMocks());

describe('coming back from Thryve', () => {
  it('tells the picker and every host listener once each, in StrictMode', async () => {
    const backend = createFakeFetcher();
    land(await aliceConnectsGarmin(backend));
    const picker = vi.fn();
    const first = vi.fn();
    const second = vi.fn();
    render(
      <Page backend={backend} userKey="alice">
        <DataSourcePicker include={[1, 2]} onConnected={picker} />
        <HostListener name="first" onConnected={first} />
        <HostListener name="second" onConnected={second} />
      </Page>,
    );
    await waitFor(() => expect(picker).toHaveBeenCalled());
    await waitFor(() => expect(badge('Garmin')).toBe('Connected'));
    expect(picker.mock.calls).toEqual([[2, { name: 'Garmin' }]]);
    expect(first.mock.calls).toEqual([[2, { name: 'Garmin' }]]);
    expect(second.mock.calls).toEqual([[2, { name: 'Garmin' }]]);
    expect(screen.getByTestId('second').textContent).toBe('connected');
    expect(window.location.search).toBe('?tab=2');
  });

  it('gives a listener mounted later the result as state, without calling it back', async () => {
    const backend = createFakeFetcher();
    land(await aliceConnectsGarmin(backend));
    const early = vi.fn();
    const late = vi.fn();
    const { rerender } = render(
      <Page backend={backend} userKey="alice">
        <HostListener name="early" onConnected={early} />
      </Page>,
    );
    await waitFor(() => expect(early).toHaveBeenCalledOnce());
    rerender(
      <Page backend={backend} userKey="alice">
        <HostListener name="early" onConnected={early} />
        <HostListener name="late" onConnected={late} />
      </Page>,
    );
    expect(screen.getByTestId('late').textContent).toBe('connected');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(late).not.toHaveBeenCalled();
    expect(early).toHaveBeenCalledOnce();
  });

  it('holds the result while sign-in loads, with the address already clean, then tells the user', async () => {
    const backend = createFakeFetcher();
    land(await aliceConnectsGarmin(backend));
    const onConnected = vi.fn();
    const page = (userKey: string | undefined) => (
      <Page backend={backend} userKey={userKey}>
        <DataSourcePicker include={[1, 2]} onConnected={onConnected} />
      </Page>
    );
    const { rerender } = render(page(undefined));
    expect(window.location.search).toBe('?tab=2');
    expect(window.location.href).not.toContain('token=');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onConnected).not.toHaveBeenCalled();
    rerender(page('alice'));
    await waitFor(() => expect(onConnected).toHaveBeenCalledOnce());
    expect(onConnected).toHaveBeenCalledWith(2, { name: 'Garmin' });
    await waitFor(() => expect(badge('Garmin')).toBe('Connected'));
  });

  it("never tells another user who signs in that Alice's connect succeeded", async () => {
    const backend = createFakeFetcher();
    land(await aliceConnectsGarmin(backend));
    const onConnected = vi.fn();
    const onUnmatched = vi.fn();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = (userKey: string | undefined) => (
      <Page backend={backend} userKey={userKey}>
        <HostListener name="host" onConnected={onConnected} onUnmatched={onUnmatched} />
      </Page>
    );
    const { rerender } = render(page(undefined));
    rerender(page('bob'));
    await waitFor(() => expect(onUnmatched).toHaveBeenCalledOnce());
    expect(onConnected).not.toHaveBeenCalled();
  });

  it('drops the held result when the app learns that nobody is signed in', async () => {
    const backend = createFakeFetcher();
    land(await aliceConnectsGarmin(backend));
    const onConnected = vi.fn();
    const page = (userKey: string | null | undefined) => (
      <Page backend={backend} userKey={userKey}>
        <HostListener name="host" onConnected={onConnected} />
      </Page>
    );
    const { rerender } = render(page(undefined));
    rerender(page(null));
    rerender(page('alice'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onConnected).not.toHaveBeenCalled();
    expect(screen.getByTestId('host').textContent).toBe('none');
  });
});

describe('while nobody is known', () => {
  it.each([
    ['signed out', null],
    ['sign-in loading', undefined],
  ] as const)('renders the picker and a result hook without a console error (%s)', async (_, userKey) => {
    const errors = vi.spyOn(console, 'error');
    render(
      <Page backend={createFakeFetcher()} userKey={userKey}>
        <DataSourcePicker include={[1, 2]} />
        <HostListener name="host" />
      </Page>,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('host').textContent).toBe('none');
    expect(errors).not.toHaveBeenCalled();
  });
});
