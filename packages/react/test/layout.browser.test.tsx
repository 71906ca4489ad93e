import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { createFakeFetcher } from '@thryve-connect/react/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { DataSourcePicker, ThryveConnectProvider } from '../src/index.js';
import '../src/styles.css';

// Layout as Chromium computes it, with our stylesheet: what jsdom cannot tell.

afterEach(() => cleanup());

function picker(locale: 'ar' | 'en', dir?: 'ltr' | 'rtl') {
  const backend = createFakeFetcher({ connected: [1] });
  render(
    <div style={{ width: 640 }}>
      <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher} locale={locale} dir={dir}>
        <DataSourcePicker include={[1, 2]} />
      </ThryveConnectProvider>
    </div>,
  );
}

const box = (element: Element | null) => (element as HTMLElement).getBoundingClientRect();

async function garminRow() {
  const button = await screen.findByRole('button', { name: /Garmin/ });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  const row = button.closest('li') as HTMLElement;
  return { row, button, name: row.querySelector('.thryve-connect-source__name') };
}

describe('the picker in Arabic, in Chromium', () => {
  it('runs right to left: the name starts on the right and the Connect button sits on the left', async () => {
    picker('ar');
    const root = document.querySelector('.thryve-connect-picker') as HTMLElement;
    expect(getComputedStyle(root).direction).toBe('rtl');
    const { row, button, name } = await garminRow();
    expect(box(button).right).toBeLessThan(box(name).left);
    // The name hugs the row's right edge (past the icon), the button its left edge.
    expect(box(row).right - box(name).right).toBeLessThan(box(name).left - box(row).left);
    expect(box(button).left - box(row).left).toBeLessThan(40);
  });

  it('mirrors nothing in English, and follows the host where it sets the direction', async () => {
    picker('en');
    let { button, name } = await garminRow();
    expect(getComputedStyle(document.querySelector('.thryve-connect-picker') as Element).direction).toBe(
      'ltr',
    );
    expect(box(button).left).toBeGreaterThan(box(name).right);
    cleanup();
    picker('ar', 'ltr');
    ({ button, name } = await garminRow());
    expect(box(button).left).toBeGreaterThan(box(name).right);
  });
});

describe('the theme, in Chromium', () => {
  it("restyles only our components: the host page's own colours stay", async () => {
    const backend = createFakeFetcher();
    render(
      <div data-testid="host" style={{ color: 'rgb(1, 2, 3)' }}>
        <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher} theme="dark">
          <DataSourcePicker include={[1]} />
        </ThryveConnectProvider>
      </div>,
    );
    const root = document.querySelector('.thryve-connect-picker') as HTMLElement;
    await waitFor(() => expect(root.dataset.state).toBe('ready'));
    expect(getComputedStyle(root).backgroundColor).toBe('rgb(21, 24, 29)'); // the dark --thryve-bg
    expect(getComputedStyle(screen.getByTestId('host')).color).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(document.documentElement).getPropertyValue('--tc-bg')).toBe('');
  });

  it('lets a --thryve-… set on an ancestor win over both schemes', async () => {
    const backend = createFakeFetcher();
    render(
      <div style={{ ['--thryve-bg' as string]: 'rgb(250, 240, 230)' }}>
        <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher} theme="dark">
          <DataSourcePicker include={[1]} />
        </ThryveConnectProvider>
      </div>,
    );
    const root = document.querySelector('.thryve-connect-picker') as HTMLElement;
    expect(getComputedStyle(root).backgroundColor).toBe('rgb(250, 240, 230)');
  });
});
