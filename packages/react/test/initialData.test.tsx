import { act, screen, waitFor, within } from '@testing-library/react';
import { type Locale, seedConnections, seedSession, type ThryveFetcher } from '@thryve-connect/core';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '../src/index.js';
import { WIDGET_ORIGIN, widgetUrl } from './support/fakeFetcher.js';

// What a Server Component or loader hands the provider (the server package's `prefetch`), and what the
// page then looks like: in the first HTML, and after hydration, with no request from the browser.

function counting() {
  const calls: string[] = [];
  const fetcher: ThryveFetcher = async ({ locale }) => {
    calls.push('session');
    return { url: widgetUrl(locale) };
  };
  fetcher.getConnections = async () => {
    calls.push('connections');
    return [];
  };
  return { fetcher, calls };
}

function Page(props: {
  fetcher: ThryveFetcher;
  userKey: string | null;
  session: { url: string };
  connected: number[];
  /** Whose page data it is (the server's `prefetch(endUser, { userKey, locale })`). Default: `userKey`'s. */
  fetchedFor?: { userKey: string; locale: Locale };
  locale?: Locale;
  loadTimeoutMs?: number;
}) {
  const fetchedFor = props.fetchedFor ?? { userKey: props.userKey ?? 'nobody', locale: 'en' };
  return (
    <ThryveConnectProvider
      userKey={props.userKey}
      locale={props.locale}
      fetcher={props.fetcher}
      allowedWidgetOrigins={[WIDGET_ORIGIN]}
      initialSession={seedSession(props.session, fetchedFor)}
      initialConnections={seedConnections(
        { connectedSources: props.connected.map((dataSource) => ({ dataSource, connectedAt: null })) },
        fetchedFor,
      )}
    >
      <ThryveConnectionWidget loadTimeoutMs={props.loadTimeoutMs} />
      <DataSourcePicker include={[1, 2]} />
    </ThryveConnectProvider>
  );
}

/**
 * What the browser keeps of a frame in the server's HTML that loaded before the script ran: its load
 * event is gone, its Resource Timing entry stays. jsdom loads no frames, so the entry is put there.
 */
function loadedBeforeHydration(url: string) {
  const entries = performance.getEntriesByName.bind(performance);
  vi.spyOn(performance, 'getEntriesByName').mockImplementation((name, type) =>
    name === url
      ? [{ name, entryType: 'resource', initiatorType: 'iframe' } as unknown as PerformanceEntry]
      : entries(name, type),
  );
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('given a session and statuses from the server render', () => {
  it('puts the frame and the statuses in the server HTML, and hydrates without a request or a warning', async () => {
    const session = { url: widgetUrl() };
    const server = counting();
    const html = renderToString(
      <Page fetcher={server.fetcher} userKey="user-1" session={session} connected={[1]} />,
    );
    expect(html).toContain(`src="${session.url.replaceAll('&', '&amp;')}"`);
    expect(html).toContain('data-state="ready"');
    expect(html).toMatch(/Fitbit.*Connected/);
    expect(server.calls).toEqual([]);

    const errors = vi.spyOn(console, 'error');
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const frame = container.querySelector('iframe');
    loadedBeforeHydration(frame?.src ?? '');
    const browser = counting();
    await act(async () => {
      hydrateRoot(
        container,
        <Page fetcher={browser.fetcher} userKey="user-1" session={session} connected={[1]} />,
      );
    });
    expect(container.querySelector('iframe')).toBe(frame); // the same element: never reloaded
    expect(container.querySelector('.thryve-connect-widget')?.getAttribute('data-state')).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(browser.calls).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(
      within(
        screen.getByText('Garmin', { selector: '.thryve-connect-source__name' }).closest('li') as HTMLElement,
      ).getByText('Not connected'),
    ).toBeTruthy();
  });

  describe('given its frame had not loaded when the page hydrated', () => {
    async function hydrateServerPage(loadTimeoutMs: number) {
      const session = { url: widgetUrl() };
      const server = counting();
      const html = renderToString(
        <Page fetcher={server.fetcher} userKey="user-1" session={session} connected={[]} />,
      );
      const container = document.createElement('div');
      container.innerHTML = html;
      document.body.append(container);
      const frame = container.querySelector('iframe');
      const browser = counting();
      await act(async () => {
        hydrateRoot(
          container,
          <Page
            fetcher={browser.fetcher}
            userKey="user-1"
            session={session}
            connected={[]}
            loadTimeoutMs={loadTimeoutMs}
          />,
        );
      });
      const widget = container.querySelector('.thryve-connect-widget') as HTMLElement;
      return { frame, widget, browser };
    }

    it('shows it as loading, and ready with the same frame once it loads', async () => {
      const { frame, widget } = await hydrateServerPage(60_000);
      expect(widget.dataset.state).toBe('loading');
      expect(widget.querySelector('iframe')).toBe(frame);
      await act(async () => {
        frame?.dispatchEvent(new Event('load'));
      });
      expect(widget.dataset.state).toBe('ready');
      expect(widget.querySelector('iframe')).toBe(frame);
    });

    it('turns a frame that never loads into the timeout error with Retry, as any other frame', async () => {
      const { widget, browser } = await hydrateServerPage(200);
      await waitFor(() => expect(widget.dataset.state).toBe('error'));
      expect(within(widget).getByRole('alert').textContent).toMatch(/Could not reach/);
      expect(widget.querySelector('iframe')).toBeNull();
      await act(async () => {
        within(widget).getByRole('button', { name: 'Try again' }).click();
      });
      expect(widget.dataset.state).toBe('loading');
      expect(widget.querySelector('iframe')).not.toBeNull();
      expect(browser.calls).toEqual([]); // the session was fine: the same URL in a new frame
    });
  });

  it("is used for its own user only: another user's page asks its own backend", async () => {
    const session = { url: widgetUrl() };
    const browser = counting();
    const container = document.createElement('div');
    document.body.append(container);
    const { createRoot } = await import('react-dom/client');
    await act(async () => {
      createRoot(container).render(
        <Page fetcher={browser.fetcher} userKey="user-1" session={session} connected={[1]} />,
      );
    });
    await act(async () => {
      createRoot(document.body.appendChild(document.createElement('div'))).render(
        <ThryveConnectProvider
          userKey="user-2"
          fetcher={browser.fetcher}
          allowedWidgetOrigins={[WIDGET_ORIGIN]}
        >
          <ThryveConnectionWidget />
        </ThryveConnectProvider>,
      );
    });
    await waitFor(() => expect(browser.calls).toContain('session'));
  });

  it('drops a session it cannot use, and fetches its own', async () => {
    const browser = counting();
    const container = document.createElement('div');
    document.body.append(container);
    const { createRoot } = await import('react-dom/client');
    await act(async () => {
      createRoot(container).render(
        <Page
          fetcher={browser.fetcher}
          userKey="user-1"
          session={{ url: 'https://evil.example/?connectionSessionToken=1234X5678' }}
          connected={[]}
        />,
      );
    });
    await waitFor(() => expect(container.querySelector('iframe')?.src).toContain(WIDGET_ORIGIN));
    expect(browser.calls).toContain('session');
  });

  it('never shows a seed fetched for one user to the next one signing in with the same props', async () => {
    const alices = { url: widgetUrl() };
    const browser = counting();
    const container = document.createElement('div');
    document.body.append(container);
    const { createRoot } = await import('react-dom/client');
    const root = createRoot(container);
    const aliceToken = new URL(alices.url).searchParams.get('connectionSessionToken') as string;
    // Every commit is watched: not one may show Alice's token or her statuses under Bob.
    const seen: string[] = [];
    const watch = new MutationObserver(() => seen.push(container.innerHTML));
    watch.observe(container, { subtree: true, childList: true, attributes: true });
    const alicePage = { userKey: 'alice', locale: 'en' } as const;
    await act(async () => {
      root.render(
        <Page
          fetcher={browser.fetcher}
          userKey="alice"
          session={alices}
          connected={[1]}
          fetchedFor={alicePage}
        />,
      );
    });
    expect(container.querySelector('iframe')?.src).toContain(aliceToken);
    seen.length = 0;
    await act(async () => {
      root.render(
        <Page
          fetcher={browser.fetcher}
          userKey="bob"
          session={alices}
          connected={[1]}
          fetchedFor={alicePage}
        />,
      );
    });
    await waitFor(() => {
      const src = container.querySelector('iframe')?.src;
      expect(src).toContain(WIDGET_ORIGIN);
      expect(src).not.toContain(aliceToken);
    });
    watch.disconnect();
    expect(seen.filter((html) => html.includes(aliceToken))).toEqual([]);
    expect(browser.calls).toContain('session');
    expect(browser.calls).toContain('connections');
  });

  it('never shows a seed fetched in English to a provider set to German', async () => {
    const english = { url: widgetUrl('en') };
    const browser = counting();
    const container = document.createElement('div');
    document.body.append(container);
    const { createRoot } = await import('react-dom/client');
    await act(async () => {
      createRoot(container).render(
        <Page fetcher={browser.fetcher} userKey="alice" locale="de" session={english} connected={[]} />,
      );
    });
    await waitFor(() => expect(container.querySelector('iframe')?.src).toContain('lang=de'));
    expect(browser.calls).toContain('session');
  });
});
