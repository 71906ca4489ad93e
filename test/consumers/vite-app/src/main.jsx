import '@thryve-connect/react/styles.css';
import { createProxyFetcher } from '@thryve-connect/core';
import {
  DataSourcePicker,
  ThryveConnectionWidget,
  ThryveConnectProvider,
  useConnectionResult,
} from '@thryve-connect/react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

// A plain Vite app as a new user writes it, installed from our tarballs.
const sandbox = import.meta.env.VITE_THRYVE_SANDBOX_URL;
const fetcher = createProxyFetcher('/api/thryve/session');

/**
 * The signed-in user, as the app's own auth knows it: its backend says who the session cookie is.
 * `undefined` while that is loading, so a result Thryve sends back meanwhile waits for the user.
 */
function useSignedInUser() {
  const [userKey, setUserKey] = useState(undefined);
  useEffect(() => {
    let current = true;
    fetch('/api/me')
      .then((response) => response.json())
      .then((me) => current && setUserKey(me.userKey ?? null))
      .catch(() => current && setUserKey(null));
    return () => {
      current = false;
    };
  }, []);
  return userKey;
}

function Devices() {
  // What each listener heard of Thryve's redirect back: the picker's callback and the page's own hook.
  const [heard, setHeard] = useState([]);
  const hear = (listener) => (id) => setHeard((lines) => [...lines, `${listener}: connected ${id}`]);
  useConnectionResult({ onConnected: hear('page') });
  return (
    <>
      <DataSourcePicker
        include={[1, 2, 18]}
        redirectUri={`${window.location.origin}/devices`}
        onConnected={hear('picker')}
      />
      <ul id="heard" aria-label="Connection results">
        {heard.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
          <li key={index}>{line}</li>
        ))}
      </ul>
    </>
  );
}

function App() {
  const userKey = useSignedInUser();
  return (
    <ThryveConnectProvider
      userKey={userKey}
      fetcher={fetcher}
      hosts={{ api: sandbox, widget: sandbox, direct: sandbox }}
      allowedWidgetOrigins={[sandbox]}
    >
      {window.location.pathname === '/devices' ? <Devices /> : <ThryveConnectionWidget />}
    </ThryveConnectProvider>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
