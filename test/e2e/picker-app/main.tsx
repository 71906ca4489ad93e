import '../../../packages/react/src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import {
  connectionsQueryKey,
  createProxyFetcher,
  type NavigationRequest,
  relayConnectionResult,
  type ThryveEvent,
  type ThryveFetcher,
} from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import { Profiler, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { fr } from '../../../packages/react/src/messages/fr.js';

// A host app as our users write one: its backend's routes, Thryve's hosts (here: the sandbox), and
// the picker. The query string picks the variant a test needs.
const params = new URLSearchParams(window.location.search);
const sandboxUrl = import.meta.env.VITE_THRYVE_SANDBOX_URL as string;
const mode = params.get('mode') ?? 'redirect';
const maxAge = params.get('maxAge');
const proxyFetcher = createProxyFetcher('/api/thryve/session');
// `sessions=expired`: a backend whose sessions are already past their expiry when they arrive (a clock
// that runs ahead), for the benchmark that counts what the library does about it.
const fetcher: ThryveFetcher =
  params.get('sessions') === 'expired'
    ? Object.assign(
        async (request: Parameters<ThryveFetcher>[0]) => ({
          ...((await proxyFetcher(request)) as { url: string }),
          expiresAt: Date.now() - 1_000,
        }),
        { getConnections: proxyFetcher.getConnections, revoke: proxyFetcher.revoke },
      )
    : proxyFetcher;
// The signed-in user, as the app's auth knows it: the demo cookie the dev proxy reads too.
const userKey =
  /(?:^|;\s*)thryve-demo-user=([A-Za-z0-9-]{1,80})/.exec(document.cookie)?.[1] ?? 'storybook-demo-user';

// Benchmark modes record figures on window.__bench for test/bench (never asserted as timings).
type BenchFigures = Record<string, number>;
const bench: BenchFigures = {};
(window as unknown as { __bench: BenchFigures }).__bench = bench;
const mountedAt = performance.now();

/** The first frame painted after the iframe's load: the load event itself comes before any paint. */
function recordVisible() {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      bench.visibleMs = performance.now() - mountedAt;
    }),
  );
}

// `timing`: how long from the click on Connect to the start of the navigation (connect() awaits nothing).
if (params.has('timing')) {
  let clickedAt = 0;
  document.addEventListener(
    'click',
    () => {
      clickedAt = performance.now();
    },
    true,
  );
  window.addEventListener('beforeunload', () => {
    sessionStorage.setItem('tc-bench-click', String(performance.now() - clickedAt));
  });
}

/** A bare iframe given the session URL by hand: the baseline the widget is measured against. */
function BareIframe() {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    void fetcher({ locale: 'en' }).then((payload) =>
      setUrl('url' in payload ? payload.url : payload.data.url),
    );
  }, []);
  return url ? (
    <iframe
      title="bare"
      src={url}
      style={{ width: '100%', minHeight: 560, border: 0 }}
      onLoad={recordVisible}
    />
  ) : null;
}

const rowRenders = new Map<number, number>();
const countRow = (source: { id: number; name: string }) => {
  rowRenders.set(source.id, (rowRenders.get(source.id) ?? 0) + 1);
  return source.name.slice(0, 2);
};

function PickerBench() {
  useEffect(() => {
    (window as unknown as { __changeStatus: () => void }).__changeStatus = () => {
      rowRenders.clear();
      delete bench.updateRenderMs;
      const previous = queryClient.getQueryData<Array<{ dataSource: number; connectedAt: string | null }>>(
        connectionsQueryKey(userKey),
      );
      queryClient.setQueryData(connectionsQueryKey(userKey), [
        ...(previous ?? []),
        { dataSource: 2, connectedAt: null },
      ]);
      setTimeout(() => {
        bench.rowsRerendered = rowRenders.size;
      }, 100);
    };
  }, []);
  return (
    <Profiler
      id="picker"
      onRender={(_id, phase, actualDuration) => {
        const key = phase === 'mount' ? 'firstRenderMs' : 'updateRenderMs';
        bench[key] = Math.max(bench[key] ?? 0, actualDuration);
        if (phase === 'mount') bench.sources = document.querySelectorAll('.thryve-connect-source').length;
      }}
    >
      <DataSourcePicker renderIcon={countRow} />
    </Profiler>
  );
}

/** The popup's return page (on Thryve's allow-list): hands the result to the opener and closes. */
function PopupReturn() {
  const [closed, setClosed] = useState(true);
  useEffect(() => setClosed(relayConnectionResult()), []);
  return closed ? null : <p>You can close this window.</p>;
}

function Results() {
  const [events, setEvents] = useState<string[]>([]);
  const log = (event: string) => setEvents((list) => [...list, event]);
  return (
    <>
      {mode === 'bench-bare' ? (
        <BareIframe />
      ) : mode === 'bench-widget' ? (
        <ThryveConnectionWidget onLoad={recordVisible} />
      ) : mode === 'bench-two-widgets' ? (
        <>
          <ThryveConnectionWidget />
          <ThryveConnectionWidget />
        </>
      ) : mode === 'bench-expiry' ? (
        <>
          <ThryveConnectionWidget />
          <DataSourcePicker />
        </>
      ) : mode === 'bench-picker' ? (
        <PickerBench />
      ) : mode === 'widget' ? (
        <ThryveConnectionWidget />
      ) : mode === 'return' ? (
        <PopupReturn />
      ) : mode === 'popup-window' ? (
        <DataSourcePicker
          include={[1, 2, 18]}
          mode="popup"
          redirectUri={`${window.location.origin}/?mode=return`}
          onConnected={(id) => log(`connected:${id}`)}
          onFailed={(id, action) => log(`failed:${action}:${id}`)}
          onPopupBlocked={() => log('popup-blocked')}
        />
      ) : (
        <DataSourcePicker
          include={[1, 2, 18]}
          confirmDisconnect={false}
          redirectUri={mode === 'redirect' ? `${window.location.origin}/?mode=redirect` : undefined}
          onConnected={(id) => log(`connected:${id}`)}
          onRevoked={(id) => log(`revoked:${id}`)}
          onFailed={(id, action) => log(`failed:${action}:${id}`)}
          onPopupBlocked={() => log('popup-blocked')}
        />
      )}
      <output id="events">{events.join(' ')}</output>
    </>
  );
}

const queryClient = new QueryClient();
const recordNavigation = (request: NavigationRequest) => {
  const list = (window as unknown as { __navigations?: NavigationRequest[] }).__navigations ?? [];
  (window as unknown as { __navigations: NavigationRequest[] }).__navigations = [...list, request];
};
/** What a host's analytics would send, kept across the redirect for the tests to read. */
const recordEvent = (event: ThryveEvent) => {
  const list = JSON.parse(sessionStorage.getItem('tc-events') ?? '[]') as ThryveEvent[];
  sessionStorage.setItem('tc-events', JSON.stringify([...list, event]));
};
const translations = { fr };
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ThryveConnectProvider
        userKey={userKey}
        fetcher={fetcher}
        hosts={{ api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl }}
        allowedWidgetOrigins={[sandboxUrl]}
        sessionMaxAgeMs={maxAge ? Number(maxAge) : undefined}
        queryClient={queryClient}
        // `locale=auto`: the browser's languages pick the texts and the widget's language.
        locale={params.get('locale') === 'auto' ? 'auto' : undefined}
        messages={translations}
        onEvent={recordEvent}
        // `navigate=record`: the host opens URLs its own way; here it only writes them down.
        navigate={params.get('navigate') === 'record' ? recordNavigation : undefined}
      >
        <Results />
      </ThryveConnectProvider>
    </StrictMode>,
  );
}
