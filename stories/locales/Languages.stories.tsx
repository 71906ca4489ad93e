import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Locale } from '@thryve-connect/core';
import { DataSourcePicker } from '@thryve-connect/react';
import { ar } from '@thryve-connect/react/messages/ar';
import { fr } from '@thryve-connect/react/messages/fr';
import { ja } from '@thryve-connect/react/messages/ja';
import { pl } from '@thryve-connect/react/messages/pl';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { memoryPickerFetcher } from '../support/fetchers.js';
import { withFreshProvider } from '../support/StoryProvider.js';

const DAY = 86_400_000;
/** Fitbit connected two days ago, Garmin in March: one relative and one absolute "connected since". */
const backend = () =>
  memoryPickerFetcher({
    connected: [
      { dataSource: 1, connectedAt: new Date(Date.now() - 2 * DAY).toISOString() },
      { dataSource: 2, connectedAt: '2026-03-04T10:00:00Z' },
    ],
  });

/** The count announced for a search, as the locale's plural rules and the entry's texts say it. */
const count = (locale: Locale, message: Record<string, string | undefined>, n: number) =>
  (message[new Intl.PluralRules(locale).select(n)] ?? message.other ?? '').replace(
    '#',
    new Intl.NumberFormat(locale).format(n),
  );

const pickerOf = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('.thryve-connect-picker') as HTMLElement;

/**
 * The picker in Thryve's languages, with the texts an app imports per language
 * (`@thryve-connect/react/messages/<code>`): dates, counts and plurals by the browser's `Intl`.
 */
const meta = {
  title: 'Components/DataSourcePicker/Languages',
  component: DataSourcePicker,
} satisfies Meta<typeof DataSourcePicker>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Arabic, right to left, in the dark theme: the layout mirrors, Connect sits on the left. */
export const ArabicDark: Story = {
  decorators: [withFreshProvider(backend, 'ar')],
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const root = pickerOf(canvasElement);
    await expect(root.getAttribute('dir')).toBe('rtl');
    await expect(root.getAttribute('lang')).toBe('ar');
    await expect(getComputedStyle(root).direction).toBe('rtl');
    const connect = await canvas.findByRole('button', { name: ar.connect('Polar') });
    const name = canvas.getByText('Polar', { selector: '.thryve-connect-source__name' });
    await expect(connect.getBoundingClientRect().right).toBeLessThan(name.getBoundingClientRect().left);
    await expect(canvas.getByRole('heading', { name: ar.pickerTitle })).toBeVisible();
    await expect(getComputedStyle(root).backgroundColor).toBe('rgb(21, 24, 29)');
  },
};

/** Japanese: one plural form, dates as Japan writes them. */
export const Japanese: Story = {
  decorators: [withFreshProvider(backend, 'ja')],
  args: { search: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: ja.disconnect('Garmin') })).toBeVisible();
    const march = new Intl.DateTimeFormat('ja', { dateStyle: 'medium' }).format(
      new Date('2026-03-04T10:00:00Z'),
    );
    await expect(canvas.getByText(ja.connectedSince(march))).toBeVisible();
    await userEvent.type(canvas.getByRole('searchbox', { name: ja.searchLabel }), 'ar');
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(count('ja', ja.searchResults, 2)),
    );
  },
};

/** Polish: "few" and "many" plural forms for the search's count, a relative date for a recent connection. */
export const Polish: Story = {
  decorators: [withFreshProvider(backend, 'pl')],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: pl.disconnect('Fitbit') })).toBeVisible();
    const twoDaysAgo = new Intl.RelativeTimeFormat('pl', { numeric: 'auto' }).format(-2, 'day');
    await expect(canvas.getByText(pl.connectedAgo(twoDaysAgo))).toBeVisible();
    const search = canvas.getByRole('searchbox', { name: pl.searchLabel });
    await userEvent.type(search, 'ar'); // Garmin, Polar
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(count('pl', pl.searchResults, 2)),
    );
    await userEvent.clear(search);
    await userEvent.type(search, 'o'); // five or more
    const shown = canvasElement.querySelectorAll('.thryve-connect-source').length;
    await expect(shown).toBeGreaterThanOrEqual(5);
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(count('pl', pl.searchResults, shown)),
    );
  },
};

/** French: the date and the quotes as French writes them, short buttons that fit. */
export const French: Story = {
  decorators: [withFreshProvider(backend, 'fr')],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: fr.connect('Oura') })).toHaveTextContent(
      fr.connectShort,
    );
    const march = new Intl.DateTimeFormat('fr', { dateStyle: 'medium' }).format(
      new Date('2026-03-04T10:00:00Z'),
    );
    await expect(canvas.getByText(fr.connectedSince(march))).toBeVisible();
    await userEvent.type(canvas.getByRole('searchbox', { name: fr.searchLabel }), 'zzz');
    // French spaces its quotes with narrow no-break spaces; the text matcher reads them as spaces.
    await expect(canvas.getByText(fr.noResults('zzz').replace(/\s+/g, ' '))).toBeVisible();
  },
};
