import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, waitFor, within } from '@testing-library/react';
import { createProxyFetcher, seedSession } from '@thryve-connect/core';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ThryveConnectionWidget, ThryveConnectProvider } from '../src/index.js';
import '../src/styles.css';

// A page whose server handed it a session: the frame is in the HTML and starts loading before any
// script runs, in Chromium, against the sandbox on its own origin through the real backend proxy.

const sandboxUrl = inject('sandboxUrl');
const hosts = { api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl };
const roots: Root[] = [];

afterEach(async () => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  cleanup();
  document.body.innerHTML = '';
  await fetch(`${sandboxUrl}/__sandbox/faults`, { method: 'DELETE' });
});

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}`;

/** Signs in as a fresh demo user and gets a session from the backend, as a server page would. */
async function serverSession(): Promise<{ alias: string; session: { url: string } }> {
  const alias = unique('server-frame');
  // biome-ignore lint/suspicious/noDocumentCookie: the dev proxy's demo session is this cookie.
  document.cookie = `thryve-demo-user=${alias}; path=/`;
  const session = (await createProxyFetcher({ url: '/api/thryve/session' })({ locale: 'en' })) as {
    url: string;
  };
  return { alias, session };
}

function Page(props: {
  alias: string;
  session: { url: string };
  loadTimeoutMs: number;
  client: QueryClient;
}) {
  return (
    <QueryClientProvider client={props.client}>
      <ThryveConnectProvider
        userKey={props.alias}
        fetcher={createProxyFetcher({ url: '/api/thryve/session' })}
        hosts={hosts}
        allowedWidgetOrigins={[sandboxUrl]}
        initialSession={seedSession(props.session, { userKey: props.alias, locale: 'en' })}
      >
        <ThryveConnectionWidget loadTimeoutMs={props.loadTimeoutMs} />
      </ThryveConnectProvider>
    </QueryClientProvider>
  );
}

/** Puts the server's HTML into the page: its iframe starts loading now, with no script listening. */
function serverHtml(props: Parameters<typeof Page>[0]) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<Page {...props} client={new QueryClient()} />);
  const frame = container.querySelector('iframe') as HTMLIFrameElement;
  const loaded = new Promise<void>((resolve) =>
    frame.addEventListener('load', () => resolve(), { once: true }),
  );
  document.body.append(container);
  return { container, frame, loaded };
}

function hydrate(container: HTMLElement, props: Parameters<typeof Page>[0]) {
  act(() => {
    roots.push(hydrateRoot(container, <Page {...props} />));
  });
}

const frameEntries = (src: string) =>
  performance
    .getEntriesByName(src, 'resource')
    .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'iframe');

describe('given a session from the server render, in Chromium', () => {
  it('recognises a frame that loaded before hydration and keeps it: the same element, one request', async () => {
    const { alias, session } = await serverSession();
    const props = { alias, session, loadTimeoutMs: 1_000, client: new QueryClient() };
    const { container, frame, loaded } = serverHtml(props);
    await loaded; // its load event is gone before React attaches a listener
    expect(frameEntries(frame.src)).toHaveLength(1);

    hydrate(container, props);
    const widget = container.querySelector('.thryve-connect-widget') as HTMLElement;
    // Longer than the load timeout: a frame taken for one still loading would have turned into an error.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(widget.dataset.state).toBe('ready');
    expect(container.querySelector('iframe')).toBe(frame);
    expect(frame.hasAttribute('aria-hidden')).toBe(false);
    expect(frameEntries(frame.src)).toHaveLength(1); // never requested again
  });

  it('gives a frame that never loads the timeout and the error state, and Retry loads it', async () => {
    const { alias, session } = await serverSession();
    // The sandbox holds the next widget page request open without a byte: this frame never loads.
    await fetch(`${sandboxUrl}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'widget', type: 'hang', times: 1 }),
    });
    const props = { alias, session, loadTimeoutMs: 1_000, client: new QueryClient() };
    const { container, frame } = serverHtml(props);
    hydrate(container, props);
    const widget = container.querySelector('.thryve-connect-widget') as HTMLElement;
    await waitFor(() => expect(widget.dataset.state).toBe('error'), { timeout: 5_000 });
    expect(frameEntries(frame.src)).toHaveLength(0);
    expect(within(widget).getByRole('alert').textContent).toMatch(/Could not reach/);

    within(widget).getByRole('button', { name: 'Try again' }).click();
    await waitFor(() => expect(widget.dataset.state).toBe('ready'), { timeout: 15_000 });
    expect(container.querySelector('iframe')?.src).toBe(session.url);
  });
});
