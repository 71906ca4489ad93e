'use client';
import { createProxyFetcher } from '@thryve-connect/core';
import { ThryveConnectProvider } from '@thryve-connect/react';
import { de } from '@thryve-connect/react/messages/de';
import { useState } from 'react';
import { AccountBar } from './AccountBar';

// The provider takes a function (the fetcher), so it lives in a client component.
const sandbox = process.env.NEXT_PUBLIC_THRYVE_SANDBOX_URL;
const fetcher = createProxyFetcher('/api/thryve/session');
const messages = { de };

// `userKey` comes from the server page: the user signed in when it was rendered, the one its
// `initialSession` and `initialConnections` were prefetched for (in English). After a sign-in or a
// language switch in the browser the page keeps those props; the provider shows them to nobody else.
export function Providers({ userKey: renderedFor, initialSession, initialConnections, children }) {
  const [userKey, setUserKey] = useState(renderedFor);
  const [locale, setLocale] = useState('en');
  return (
    <>
      <AccountBar userKey={userKey} onSignIn={setUserKey} locale={locale} onLocaleChange={setLocale} />
      <ThryveConnectProvider
        userKey={userKey}
        locale={locale}
        messages={messages}
        initialSession={initialSession}
        initialConnections={initialConnections}
        fetcher={fetcher}
        hosts={{ api: sandbox, widget: sandbox, direct: sandbox }}
        allowedWidgetOrigins={[sandbox]}
      >
        {children}
      </ThryveConnectProvider>
    </>
  );
}
