import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  createFakeFetcher,
  interceptNavigation,
  simulateThryveRedirect,
} from '@thryve-connect/react/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSourcePicker } from '../src/index.js';
import { de } from '../src/messages/de.js';
import { renderWithProvider } from './support/renderWithProvider.js';

// Thryve adds sources before this library's catalogue knows them; 48 is such an id. The picker lists
// it when the user has connected it, so that it can be disconnected, and names it in the user's language.
const UNKNOWN = 48;
const GERMAN = { locale: 'de', messages: { de } } as const;

const row = (name: string) => {
  const item = screen.getByText(name, { selector: '.thryve-connect-source__name' }).closest('li');
  if (!item) throw new Error(`no row for ${name}`);
  return item;
};

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/devices');
});
afterEach(() => vi.restoreAllMocks());

describe('given a connected source the catalogue does not know', () => {
  it('names it in German in its row, its monogram and its Disconnect button', async () => {
    const backend = createFakeFetcher({ connected: [UNKNOWN] });
    renderWithProvider(backend.fetcher, <DataSourcePicker />, GERMAN);
    const disconnect = await screen.findByRole('button', { name: 'Datenquelle 48 trennen' });
    expect(row('Datenquelle 48').contains(disconnect)).toBe(true);
    expect(within(row('Datenquelle 48')).getByText('D4', { selector: '[aria-hidden]' })).toBeTruthy();
    expect(screen.queryByText(/Data source/)).toBeNull();
  });

  it('names it "Data source 48" in English', async () => {
    const backend = createFakeFetcher({ connected: [UNKNOWN] });
    renderWithProvider(backend.fetcher, <DataSourcePicker />);
    const disconnect = await screen.findByRole('button', { name: 'Disconnect Data source 48' });
    expect(row('Data source 48').contains(disconnect)).toBe(true);
  });

  it('asks about it and announces its disconnect in German', async () => {
    const backend = createFakeFetcher({ connected: [UNKNOWN] });
    renderWithProvider(backend.fetcher, <DataSourcePicker />, GERMAN);
    fireEvent.click(await screen.findByRole('button', { name: 'Datenquelle 48 trennen' }));
    const question = await screen.findByRole('group', { name: 'Datenquelle 48 trennen' });
    expect(question.textContent).toContain(
      'Datenquelle 48 trennen? Die Daten werden dann nicht mehr geteilt.',
    );
    fireEvent.click(within(question).getByRole('button', { name: 'Trennen' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Datenquelle 48 ist getrennt.'));
    expect(backend.connected()).toEqual([]);
  });

  it('announces the result of a disconnect through Thryve in German, once it is no longer listed', async () => {
    const backend = createFakeFetcher({ connected: [UNKNOWN] });
    const redirectUri = `${window.location.origin}/devices`;
    const navigation = interceptNavigation();
    try {
      renderWithProvider(
        backend.fetcher,
        <DataSourcePicker redirectUri={redirectUri} revokeMode="redirect" confirmDisconnect={false} />,
        GERMAN,
      );
      // Found by id alone: this test is about the name after the redirect back.
      fireEvent.click(await screen.findByRole('button', { name: /48/ }));
      await waitFor(() => expect(navigation.urls).toHaveLength(1));
      cleanup();
      simulateThryveRedirect(navigation.urls[0] as string, { backend });
    } finally {
      navigation.restore();
    }
    const onRevoked = vi.fn();
    renderWithProvider(backend.fetcher, <DataSourcePicker onRevoked={onRevoked} />, GERMAN);
    await waitFor(() => expect(onRevoked).toHaveBeenCalledWith(UNKNOWN, { name: 'Datenquelle 48' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Datenquelle 48 ist getrennt.'));
  });

  it('is found by its German name in the search', async () => {
    const backend = createFakeFetcher({ connected: [UNKNOWN] });
    renderWithProvider(backend.fetcher, <DataSourcePicker search />, GERMAN);
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: 'datenquelle' } });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(row('Datenquelle 48')).toBeTruthy();
  });

  it("hands a host's own rendering the German name", async () => {
    const backend = createFakeFetcher({ connected: [UNKNOWN] });
    renderWithProvider(
      backend.fetcher,
      <DataSourcePicker include={[UNKNOWN]} renderSource={({ source }) => <p>{source.name}</p>} />,
      GERMAN,
    );
    expect(await screen.findByText('Datenquelle 48')).toBeTruthy();
  });

  it('keeps the name the host gave it', async () => {
    const backend = createFakeFetcher({ connected: [UNKNOWN] });
    renderWithProvider(
      backend.fetcher,
      <DataSourcePicker overrides={{ [UNKNOWN]: { name: 'Acme Ring' } }} />,
      GERMAN,
    );
    expect(await screen.findByRole('button', { name: 'Acme Ring trennen' })).toBeTruthy();
  });
});
