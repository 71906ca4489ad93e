import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ConnectedSource, ThryveFetcher } from '@thryve-connect/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataSourcePicker, ThryveConnectionWidget } from '../src/index.js';
import { de } from '../src/messages/de.js';
import { widgetUrl } from './support/fakeFetcher.js';
import { renderWithProvider } from './support/renderWithProvider.js';

function backend(connected: ConnectedSource[] = []): ThryveFetcher {
  const fetcher: ThryveFetcher = async ({ locale }) => ({ url: widgetUrl(locale) });
  fetcher.getConnections = async () => connected;
  return fetcher;
}

const names = () =>
  screen
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('.thryve-connect-source__name')?.textContent);
const rowOf = (name: string) =>
  screen.getByText(name, { selector: '.thryve-connect-source__name' }).closest('li') as HTMLElement;

afterEach(() => vi.useRealTimers());

describe('given a connected source whose backend says when', () => {
  const DAY = 86_400_000;
  const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();

  it('says "connected yesterday" for a recent date and the date in the locale\'s format for an older one', async () => {
    renderWithProvider(
      backend([
        { dataSource: 1, connectedAt: iso(1) },
        { dataSource: 2, connectedAt: '2026-03-04T10:00:00Z' },
        { dataSource: 3, connectedAt: null },
      ]),
      <DataSourcePicker include={[1, 2, 3, 8]} />,
    );
    await waitFor(() => expect(within(rowOf('Fitbit')).getByText('Connected yesterday')).toBeTruthy());
    const older = within(rowOf('Garmin')).getByText(/^Connected since /);
    expect(older.textContent).toBe('Connected since Mar 4, 2026');
    expect(older.getAttribute('datetime')).toBe('2026-03-04T10:00:00Z');
    expect(rowOf('Polar').querySelector('time')).toBeNull(); // connected, but nobody said when
    expect(rowOf('Withings').querySelector('time')).toBeNull(); // not connected
  });

  it('speaks the locale: German word order and date', async () => {
    renderWithProvider(
      backend([
        { dataSource: 1, connectedAt: iso(2) },
        { dataSource: 2, connectedAt: '2026-03-04T10:00:00Z' },
      ]),
      <DataSourcePicker include={[1, 2]} locale="de" />,
      { messages: { de } },
    );
    await waitFor(() => expect(within(rowOf('Fitbit')).getByText('Vorgestern verbunden')).toBeTruthy());
    expect(within(rowOf('Garmin')).getByText('Verbunden seit 04.03.2026')).toBeTruthy();
  });

  it('can be turned off', async () => {
    renderWithProvider(
      backend([{ dataSource: 1, connectedAt: iso(1) }]),
      <DataSourcePicker include={[1]} showConnectedSince={false} />,
    );
    await waitFor(() => expect(within(rowOf('Fitbit')).getByText('Connected')).toBeTruthy());
    expect(document.querySelector('time')).toBeNull();
  });
});

describe('given more sources than a handful', () => {
  it('offers a search box that filters on the shown names, without case or accents', async () => {
    renderWithProvider(backend(), <DataSourcePicker overrides={{ 3: { name: 'Pólar Flow' } }} />);
    const search = await screen.findByRole('searchbox', { name: 'Search data sources' });
    expect(names()).toHaveLength(16);
    fireEvent.change(search, { target: { value: 'POLAR' } });
    expect(names()).toEqual(['Pólar Flow']);
    fireEvent.change(search, { target: { value: 'with' } });
    expect(names()).toEqual(['Withings']);
    expect(search.getAttribute('aria-controls')).toBe(screen.getByRole('list').id);
  });

  it('announces how many match once the typing settles, in the plural the count needs', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderWithProvider(backend(), <DataSourcePicker />);
    const search = await screen.findByRole('searchbox');
    fireEvent.change(search, { target: { value: 'o' } });
    fireEvent.change(search, { target: { value: 'oura' } });
    await act(() => vi.advanceTimersByTimeAsync(500));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 source'));
    fireEvent.change(search, { target: { value: 'ar' } });
    await act(() => vi.advanceTimersByTimeAsync(500));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${names().length} sources`));
    expect(names().length).toBeGreaterThan(1);
  });

  it('says when nothing matches, and Escape or the clear button brings the whole list back', async () => {
    renderWithProvider(backend(), <DataSourcePicker />);
    const search = (await screen.findByRole('searchbox')) as HTMLInputElement;
    fireEvent.change(search, { target: { value: 'zzz' } });
    expect(names()).toEqual([]);
    expect(screen.getByText('No data source matches “zzz”.')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(search.value).toBe('');
    expect(names()).toHaveLength(16);

    fireEvent.change(search, { target: { value: 'fit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(names()).toHaveLength(16);
    expect(document.activeElement).toBe(search);
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull();
  });

  it('leaves a short list without a search box, and can be forced either way', async () => {
    const { unmount } = renderWithProvider(backend(), <DataSourcePicker include={[1, 2, 3]} />);
    await waitFor(() => expect(names()).toHaveLength(3));
    expect(screen.queryByRole('searchbox')).toBeNull();
    unmount();
    const second = renderWithProvider(backend(), <DataSourcePicker include={[1, 2, 3]} search />);
    expect(await screen.findByRole('searchbox')).toBeTruthy();
    second.unmount();
    renderWithProvider(backend(), <DataSourcePicker search={false} />);
    await waitFor(() => expect(names()).toHaveLength(16));
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe("the components' root", () => {
  it('carries the language, the direction from the locale and the theme', async () => {
    renderWithProvider(
      backend(),
      <>
        <ThryveConnectionWidget locale="ar" />
        <DataSourcePicker include={[1]} />
      </>,
    );
    const widget = document.querySelector('.thryve-connect-widget') as HTMLElement;
    const picker = document.querySelector('.thryve-connect-picker') as HTMLElement;
    expect([widget.lang, widget.dir, widget.dataset.theme]).toEqual(['ar', 'rtl', 'system']);
    expect([picker.lang, picker.dir, picker.dataset.theme]).toEqual(['en', 'ltr', 'system']);
  });

  it("takes the host's direction and theme when it sets them", async () => {
    renderWithProvider(backend(), <ThryveConnectionWidget locale="ar" />, { dir: 'ltr', theme: 'dark' });
    const widget = document.querySelector('.thryve-connect-widget') as HTMLElement;
    expect([widget.dir, widget.dataset.theme]).toEqual(['ltr', 'dark']);
  });

  it('drops its root class with `unstyled`, keeping the state attributes', async () => {
    renderWithProvider(backend(), <ThryveConnectionWidget unstyled className="mine" />);
    const root = document.querySelector('[data-state]') as HTMLElement;
    expect(root.className).toBe('mine');
    expect(root.dataset.state).toBe('loading');
  });
});
