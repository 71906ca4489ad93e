import '@thryve-connect/react/styles.css';
import { createProxyFetcher } from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// A plain Vite app as a new user writes it, installed from our tarballs.
const sandbox = import.meta.env.VITE_THRYVE_SANDBOX_URL;
const fetcher = createProxyFetcher('/api/thryve/session');
// The signed-in user, as the app's own auth knows it (here the demo cookie its backend reads too).
const userKey = /(?:^|;\s*)demo-user=([A-Za-z0-9-]{1,80})/.exec(document.cookie)?.[1] ?? null;

function App() {
  return (
    <ThryveConnectProvider
      userKey={userKey}
      fetcher={fetcher}
      hosts={{ api: sandbox, widget: sandbox, direct: sandbox }}
      allowedWidgetOrigins={[sandbox]}
    >
      {window.location.pathname === '/devices' ? (
        <DataSourcePicker include={[1, 2, 18]} redirectUri={`${window.location.origin}/devices`} />
      ) : (
        <ThryveConnectionWidget />
      )}
    </ThryveConnectProvider>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
