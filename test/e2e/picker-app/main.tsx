import '../../../packages/react/src/styles.css';
import { createProxyFetcher } from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

// A host app as our users write one: its backend's routes, Thryve's hosts (here: the sandbox), and
// the picker. The query string picks the variant a test needs.
const params = new URLSearchParams(window.location.search);
const sandboxUrl = import.meta.env.VITE_THRYVE_SANDBOX_URL as string;
const mode = params.get('mode') ?? 'redirect';
const maxAge = params.get('maxAge');
const fetcher = createProxyFetcher('/api/thryve/session');

function Results() {
  const [events, setEvents] = useState<string[]>([]);
  const log = (event: string) => setEvents((list) => [...list, event]);
  return (
    <>
      {mode === 'widget' ? (
        <ThryveConnectionWidget />
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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ThryveConnectProvider
        fetcher={fetcher}
        hosts={{ api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl }}
        allowedWidgetOrigins={[sandboxUrl]}
        sessionMaxAgeMs={maxAge ? Number(maxAge) : undefined}
      >
        <Results />
      </ThryveConnectProvider>
    </StrictMode>,
  );
}
