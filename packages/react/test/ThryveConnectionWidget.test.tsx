import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ThryveConnectError } from '@thryve-connect/core';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_WIDGET_SANDBOX, ThryveConnectionWidget } from '../src/index.js';
import { de } from '../src/messages/de.js';
import { fakeFetcher, httpError, WIDGET_ORIGIN, widgetUrl } from './support/fakeFetcher.js';
import { providerWrapper } from './support/renderWithProvider.js';

const setup = providerWrapper;

function container() {
  const element = document.querySelector<HTMLElement>('.thryve-connect-widget');
  if (!element) throw new Error('no widget container');
  return element;
}

const frame = () => document.querySelector('iframe');

describe('ThryveConnectionWidget', () => {
  it('shows an announced loading state, then the iframe with the safe defaults', async () => {
    const url = widgetUrl();
    const { fetcher } = fakeFetcher({ url });
    const { wrapper } = setup(fetcher);
    render(<ThryveConnectionWidget />, { wrapper });

    expect(container().dataset.state).toBe('loading');
    expect(container().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toMatch(/loading/i);

    await waitFor(() => expect(frame()).not.toBeNull());
    const iframe = frame() as HTMLIFrameElement;
    expect(iframe.getAttribute('src')).toBe(url);
    expect(iframe.getAttribute('sandbox')).toBe(DEFAULT_WIDGET_SANDBOX);
    expect(iframe.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(iframe.title).toBe('Connect your health data sources');
    expect(container().dataset.state).toBe('loading'); // until the page has loaded
    // Loading in place under the skeleton, but out of reach of Tab and screen readers until it shows.
    expect(iframe.tabIndex).toBe(-1);
    expect(iframe.getAttribute('aria-hidden')).toBe('true');

    fireEvent.load(iframe);
    expect(container().dataset.state).toBe('ready');
    expect(iframe.hasAttribute('tabindex')).toBe(false);
    expect(iframe.hasAttribute('aria-hidden')).toBe(false);
    expect(container().getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('status').textContent).toMatch(/ready/i);
  });

  it('asks the fetcher once for two widgets under StrictMode', async () => {
    const { fetcher, calls } = fakeFetcher();
    const { wrapper } = setup(fetcher);
    render(
      <StrictMode>
        <ThryveConnectionWidget />
        <ThryveConnectionWidget />
      </StrictMode>,
      { wrapper },
    );
    await waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(2));
    expect(calls).toHaveLength(1);
    const [first, second] = document.querySelectorAll('iframe');
    expect(first?.src).toBe(second?.src);
  });

  it('starts the session request in the first render, and opens the connection to the widget host meanwhile', async () => {
    let inDocumentAtCall: boolean | undefined;
    const { fetcher } = fakeFetcher((request) => {
      // Called during render: React has not put the widget into the document yet.
      inDocumentAtCall ??= document.querySelector('.thryve-connect-widget') !== null;
      return Promise.resolve({ url: widgetUrl(request.locale) });
    });
    const { wrapper } = setup(fetcher);
    render(<ThryveConnectionWidget />, { wrapper });
    expect(inDocumentAtCall).toBe(false);
    const preconnect = document.querySelector('link[rel="preconnect"]');
    expect(preconnect?.getAttribute('href')).toBe(WIDGET_ORIGIN);
    await waitFor(() => expect(frame()).not.toBeNull());
  });

  it('does not call the fetcher before a component mounts', () => {
    const { fetcher, calls } = fakeFetcher();
    setup(fetcher);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(1)//?connectionSessionToken=1234X5678', 'insecure_url'],
    [
      'a foreign origin',
      'https://evil.example/?connectionSessionToken=1060285265X4247109939067552841',
      'disallowed_origin',
    ],
    [
      'a look-alike host',
      'https://connect.thryve.de.evil.example/?connectionSessionToken=1060285265X42',
      'disallowed_origin',
    ],
    ['a URL without a token', 'https://connect.thryve.de/?platform=web&lang=en', 'missing_token'],
  ])('renders the error state and never an iframe for %s', async (_name, url, code) => {
    const onError = vi.fn();
    const { fetcher } = fakeFetcher({ url });
    const { wrapper } = setup(fetcher);
    render(<ThryveConnectionWidget onError={onError} />, { wrapper });

    await waitFor(() => expect(container().dataset.state).toBe('error'));
    expect(frame()).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/cannot use/);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(ThryveConnectError);
    expect((onError.mock.calls[0]?.[0] as ThryveConnectError | undefined)?.code).toMatch(
      code === 'insecure_url' ? /insecure_url|invalid_url/ : new RegExp(code),
    );
  });

  it('shows a 4xx at once, without retrying, with a focusable Retry that recovers', async () => {
    const { fetcher, calls } = fakeFetcher(httpError(401), { url: widgetUrl() });
    const { wrapper } = setup(fetcher);
    render(<ThryveConnectionWidget />, { wrapper });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/signed out/);
    expect(calls).toHaveLength(1);
    const retry = screen.getByRole('button', { name: 'Try again' });
    retry.focus();
    expect(document.activeElement).toBe(retry);
    fireEvent.click(retry);
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(calls).toHaveLength(2);
  });

  it('retries a 5xx on its own and then shows the widget', async () => {
    const { fetcher, calls } = fakeFetcher(httpError(503), { url: widgetUrl() });
    const { wrapper } = setup(fetcher);
    render(<ThryveConnectionWidget />, { wrapper });
    await waitFor(() => expect(frame()).not.toBeNull(), { timeout: 5_000 });
    expect(calls).toHaveLength(2);
  });

  it("keeps a custom fetcher's TypeError as a fetcher_error with its cause, and never retries it", async () => {
    const onError = vi.fn();
    const bug = new TypeError("Cannot read properties of undefined (reading 'url')");
    const { fetcher, calls } = fakeFetcher(bug);
    const { wrapper } = setup(fetcher);
    render(<ThryveConnectionWidget onError={onError} />, { wrapper });
    await waitFor(() => expect(onError).toHaveBeenCalled());
    const error = onError.mock.calls[0]?.[0] as ThryveConnectError;
    expect(error.code).toBe('fetcher_error');
    expect(error.cause).toBe(bug);
    expect(error.retryable).toBe(false);
    // Longer than the first retry's backoff (0.5 s): a retry would have happened by now.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(calls).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('keeps the same iframe when the host passes new callbacks', async () => {
    const { fetcher } = fakeFetcher();
    const { wrapper } = setup(fetcher);
    const first = vi.fn();
    const { rerender } = render(<ThryveConnectionWidget onLoad={first} />, { wrapper });
    await waitFor(() => expect(frame()).not.toBeNull());
    const before = frame();
    const second = vi.fn();
    rerender(<ThryveConnectionWidget onLoad={second} />);
    expect(frame()).toBe(before);
    fireEvent.load(frame() as HTMLIFrameElement);
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it("asks for a new session and a new widget when the locale changes, in that locale's texts", async () => {
    const { fetcher, calls } = fakeFetcher();
    const { wrapper } = setup(fetcher, { messages: { de } });
    const { rerender } = render(<ThryveConnectionWidget locale="en" />, { wrapper });
    await waitFor(() => expect(frame()?.src).toContain('lang=en'));
    rerender(<ThryveConnectionWidget locale="de" />);
    await waitFor(() => expect(frame()?.src).toContain('lang=de'));
    expect(calls.map((call) => call.locale)).toEqual(['en', 'de']);
    expect(frame()?.title).toBe('Verbinden Sie Ihre Gesundheitsdatenquellen');
  });

  it("keeps a loaded widget through its session's age, fetches one fresh session meanwhile and swaps it in on Reload", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const onSessionRefresh = vi.fn();
      const { fetcher, calls } = fakeFetcher(
        () => Promise.resolve({ url: widgetUrl(), expiresAt: Date.now() + 60_000 }),
        () => Promise.resolve({ url: widgetUrl(), expiresAt: Date.now() + 600_000 }),
      );
      const { wrapper } = setup(fetcher);
      render(<ThryveConnectionWidget onSessionRefresh={onSessionRefresh} />, { wrapper });
      await waitFor(() => expect(frame()).not.toBeNull());
      const loaded = frame() as HTMLIFrameElement;
      fireEvent.load(loaded);
      expect(container().dataset.state).toBe('ready');

      // 50 s: one margin before the session stops being usable, the fresh one is fetched in the background.
      await act(() => vi.advanceTimersByTimeAsync(50_500));
      expect(calls).toHaveLength(2);
      expect(frame()).toBe(loaded); // the user may be halfway through a provider login: no reload
      expect(container().dataset.state).toBe('ready');

      // 55 s: the loaded session is past its age. Still the same page, with an announced Reload.
      await act(() => vi.advanceTimersByTimeAsync(5_000));
      expect(container().dataset.state).toBe('expired');
      expect(frame()).toBe(loaded);
      expect(screen.getByRole('status').textContent).toMatch(/expired/);
      expect(onSessionRefresh).not.toHaveBeenCalled();

      fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
      expect(frame()).not.toBe(loaded);
      expect(frame()?.src).not.toBe(loaded.src);
      expect(container().dataset.state).toBe('loading');
      fireEvent.load(frame() as HTMLIFrameElement);
      expect(container().dataset.state).toBe('ready');
      expect(calls).toHaveLength(2); // the fresh session was already there
      expect(onSessionRefresh).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a page that has not loaded yet the fresh session at once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { fetcher, calls } = fakeFetcher(
        () => Promise.resolve({ url: widgetUrl(), expiresAt: Date.now() + 30_000 }),
        () => Promise.resolve({ url: widgetUrl(), expiresAt: Date.now() + 600_000 }),
      );
      const { wrapper } = setup(fetcher);
      render(<ThryveConnectionWidget loadTimeoutMs={120_000} />, { wrapper });
      await waitFor(() => expect(frame()).not.toBeNull());
      const first = frame()?.src;
      await act(() => vi.advanceTimersByTimeAsync(21_000));
      expect(calls).toHaveLength(2);
      await waitFor(() => expect(frame()?.src).not.toBe(first));
      expect(container().dataset.state).toBe('loading');
      expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('fetches a new session instead of rendering a stale one on a later mount', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { fetcher, calls } = fakeFetcher(
        () => Promise.resolve({ url: widgetUrl(), expiresAt: Date.now() + 20_000 }),
        () => Promise.resolve({ url: widgetUrl(), expiresAt: Date.now() + 600_000 }),
      );
      const { wrapper } = setup(fetcher);
      const { unmount } = render(<ThryveConnectionWidget />, { wrapper });
      await waitFor(() => expect(frame()).not.toBeNull());
      const staleSrc = frame()?.src;
      unmount();
      await act(() => vi.advanceTimersByTimeAsync(16_000));

      render(<ThryveConnectionWidget />, { wrapper });
      expect(frame()).toBeNull();
      await waitFor(() => expect(frame()).not.toBeNull());
      expect(frame()?.src).not.toBe(staleSrc);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns an iframe that never loads into an error with Retry', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const onError = vi.fn();
      const { fetcher } = fakeFetcher();
      const { wrapper } = setup(fetcher);
      render(<ThryveConnectionWidget loadTimeoutMs={1_000} onError={onError} />, { wrapper });
      await waitFor(() => expect(frame()).not.toBeNull());
      await act(async () => {
        vi.advanceTimersByTime(1_100);
      });
      expect(container().dataset.state).toBe('error');
      expect((onError.mock.calls[0]?.[0] as ThryveConnectError | undefined)?.code).toBe('timeout');
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(container().dataset.state).toBe('loading');
      fireEvent.load(frame() as HTMLIFrameElement);
      expect(container().dataset.state).toBe('ready');
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a retried iframe that never loads the timeout again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const onError = vi.fn();
      const { fetcher } = fakeFetcher();
      const { wrapper } = setup(fetcher);
      render(<ThryveConnectionWidget loadTimeoutMs={1_000} onError={onError} />, { wrapper });
      await waitFor(() => expect(frame()).not.toBeNull());
      await act(async () => {
        vi.advanceTimersByTime(1_100);
      });
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(container().dataset.state).toBe('loading');
      await act(async () => {
        vi.advanceTimersByTime(1_100);
      });
      expect(container().dataset.state).toBe('error');
      expect(onError).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('aborts the request when the last widget unmounts', async () => {
    let signal: AbortSignal | undefined;
    const { fetcher } = fakeFetcher((request) => {
      signal = request.signal;
      return new Promise(() => {});
    });
    const { wrapper } = setup(fetcher);
    const { unmount } = render(<ThryveConnectionWidget />, { wrapper });
    await waitFor(() => expect(signal).toBeDefined());
    expect(signal?.aborted).toBe(false);
    unmount();
    await waitFor(() => expect(signal?.aborted).toBe(true));
  });

  it('loads a session, not an error, when a widget mounts again after its request was aborted', async () => {
    const signals: AbortSignal[] = [];
    const { fetcher, calls } = fakeFetcher(
      // Like a real fetch: the first request rejects when it is aborted.
      (request) =>
        new Promise((_, reject) => {
          signals.push(request.signal as AbortSignal);
          request.signal?.addEventListener('abort', () => reject(request.signal?.reason));
        }),
      { url: widgetUrl() },
    );
    const { wrapper } = setup(fetcher);
    const first = render(<ThryveConnectionWidget />, { wrapper });
    await waitFor(() => expect(signals).toHaveLength(1));
    first.unmount();
    await waitFor(() => expect(signals[0]?.aborted).toBe(true));

    render(<ThryveConnectionWidget />, { wrapper });
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(container().dataset.state).not.toBe('error');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls).toHaveLength(2);
  });

  it('renders the host fallbacks instead of the built-in states', async () => {
    const { fetcher } = fakeFetcher(httpError(403));
    const { wrapper } = setup(fetcher);
    render(
      <ThryveConnectionWidget
        loadingFallback={<p>Custom loading</p>}
        errorFallback={({ error, retry }) => (
          <button type="button" onClick={retry}>
            Custom {error.code}
          </button>
        )}
      />,
      { wrapper },
    );
    expect(screen.getByText('Custom loading')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Custom forbidden' })).toBeTruthy();
  });

  it('applies height, className and style to the frame and container', async () => {
    const { fetcher } = fakeFetcher();
    const { wrapper } = setup(fetcher);
    render(
      <ThryveConnectionWidget height={720} className="mine" style={{ maxWidth: 600 }} title="Geräte" />,
      {
        wrapper,
      },
    );
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(container().classList.contains('mine')).toBe(true);
    expect(container().style.maxWidth).toBe('600px');
    expect(frame()?.style.height).toBe('720px');
    expect(frame()?.title).toBe('Geräte');
  });

  it('explains the fix when rendered outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ThryveConnectionWidget />)).toThrow(/within <ThryveConnectProvider>/);
    vi.mocked(console.error).mockRestore();
  });
  it("layers texts: English, then the provider's translation, then the widget's own, error by error", async () => {
    const { fetcher } = fakeFetcher(() => Promise.reject(httpError(401)));
    const { wrapper } = setup(fetcher, {
      locale: 'de',
      messages: { de: { retry: 'Nochmal', errors: { signedOut: 'Bitte anmelden.' } } },
    });
    render(<ThryveConnectionWidget messages={{ errors: { forbidden: 'Nicht erlaubt.' } }} />, { wrapper });
    expect(await screen.findByText('Bitte anmelden.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nochmal' })).toBeTruthy();
    // Not translated: the English title stays, the frame is not shown in the error state.
    expect(frame()).toBeNull();
  });

  it('warns in development when a non-English locale has no texts, naming the German import', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { fetcher } = fakeFetcher();
    const { wrapper } = setup(fetcher, { locale: 'de' });
    render(<ThryveConnectionWidget />, { wrapper });
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(frame()?.title).toBe('Connect your health data sources');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('@thryve-connect/react/messages/de'));
    warn.mockRestore();
  });
});
