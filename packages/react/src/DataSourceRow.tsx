'use client';
import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
import { monogram } from './internal/monogram.js';
import { usePickerContext } from './internal/PickerContext.js';
import { DisconnectWithoutScript, RowForm } from './internal/RowForm.js';
import { sourceName } from './internal/sourceName.js';
import { useHydrated } from './internal/useHydrated.js';
import { lazyModule, useLazyModule } from './internal/useLazyModule.js';
import type { PickerMessages } from './pickerMessages.js';
import { type DataSourceConnectionStatus, useDataSourceConnection } from './useDataSourceConnection.js';
import type { DataSourceWithStatus } from './useDataSources.js';
import { errorMessage } from './widgetMessages.js';

/** Props of {@link DataSourceRow}: only its source; everything else comes from the picker's context. */
export interface DataSourceRowProps {
  source: DataSourceWithStatus;
}

/** The badge text of each status a row can show. */
const BADGE = {
  connected: 'statusConnected',
  disconnected: 'statusDisconnected',
  connecting: 'statusConnecting',
  revoking: 'statusRevoking',
  unknown: 'statusUnknown',
} as const satisfies Record<Exclude<DataSourceConnectionStatus, 'error'>, keyof PickerMessages>;

// Loaded when first shown: the question before a disconnect, the ways on after a blocked window, and
// the date under a connected source (relative time formatting). Until then the row keeps its layout.
const confirmStep = lazyModule(() => import('./lazy/ConfirmDisconnect.js'));
const popupFallback = lazyModule(() => import('./lazy/PopupFallback.js'));
const connectedSince = lazyModule(() => import('./lazy/ConnectedSince.js'));

/**
 * One source of the picker: name, icon, status badge and its Connect / Disconnect controls. Memoized:
 * sources keep their identity while unchanged (see `useDataSources`), so a status change re-renders
 * only the row it concerns.
 */
export const DataSourceRow = memo(DataSourceRowImpl);

function DataSourceRowImpl({ source }: DataSourceRowProps) {
  const picker = usePickerContext();
  const { messages, announce, confirmDisconnect } = picker;
  const name = sourceName(source, messages);
  const connection = useDataSourceConnection(source.id, {
    redirectUri: picker.redirectUri,
    revokeMode: picker.revokeMode,
    mode: picker.mode,
    beforeConnect: picker.acceptConsent,
    onPopupBlocked: picker.onPopupBlocked,
    onRevoked: (id) => {
      announce(messages.disconnected(name));
      picker.onRevoked(id);
    },
    onError: (error) => {
      if (error.code === 'popup_blocked') announce(messages.popupBlocked(name));
      else announce(errorMessage(messages, error));
      picker.onError(error);
    },
  });
  const [confirming, setConfirming] = useState(false);
  // The Disconnect button stays, focused, until the question is here to take the focus.
  const confirm = useLazyModule(confirmStep, confirming);
  const Confirm = confirming ? confirm.module?.ConfirmDisconnect : undefined;
  const disconnectRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus goes back to Disconnect when the question closes (the question takes it when it opens).
    if (!Confirm && wasConfirming.current) disconnectRef.current?.focus();
    wasConfirming.current = Boolean(Confirm);
  }, [Confirm]);

  const status = connection.status;
  useEffect(() => {
    if (status === 'connecting') announce(messages.statusConnecting);
    if (status === 'revoking') announce(messages.statusRevoking);
  }, [status, announce, messages]);

  // After a failed action the badge shows what the backend last reported, not "error".
  const shownStatus = status === 'error' ? source.status : status;
  const badge = messages[BADGE[shownStatus]];
  const busy = status === 'connecting' || status === 'revoking';
  const connectedAt = picker.showConnectedSince && shownStatus === 'connected' ? source.connectedAt : null;
  const Since = useLazyModule(connectedSince, Boolean(connectedAt)).module?.ConnectedSince;
  const fallbackUrl = connection.error ? connection.fallbackUrl : undefined;
  const Fallback = useLazyModule(popupFallback, Boolean(fallbackUrl)).module?.PopupFallback;
  const canDisconnect = shownStatus === 'connected' || shownStatus === 'unknown';
  const canConnect = shownStatus !== 'connected';
  // Before hydration a click is a form post to the proxy: nothing in the page has to be ready.
  const hydrated = useHydrated();
  const { formRoutes } = picker;
  const withForm = (route: 'connect' | 'revoke', onSubmit: () => void, children: ReactNode) =>
    formRoutes === undefined ? (
      children
    ) : (
      <RowForm
        action={`${formRoutes}/${route}`}
        dataSource={source.id}
        returnTo={picker.mode === 'popup' ? undefined : picker.redirectUri}
        onSubmit={onSubmit}
      >
        {children}
      </RowForm>
    );
  const submitType = formRoutes === undefined ? 'button' : 'submit';

  // Retry repeats what failed, straight from the click (a connect must stay in the user's gesture).
  const lastAction = useRef<'connect' | 'revoke'>('connect');
  const startConnect = () => {
    lastAction.current = 'connect';
    connection.reset();
    connection.connect();
  };
  const startRevoke = () => {
    lastAction.current = 'revoke';
    setConfirming(false);
    connection.revoke();
  };

  // A host's own rendering gets the name in the picker's language too.
  const named = name === source.name ? source : { ...source, name };
  if (picker.renderSource) {
    return (
      <li className="thryve-connect-source" data-status={status}>
        {picker.renderSource({ source: named, connection, messages })}
      </li>
    );
  }

  return (
    <li className="thryve-connect-source" data-status={status}>
      <div className="thryve-connect-source__main">
        <span className="thryve-connect-source__icon" aria-hidden="true">
          {picker.renderIcon ? picker.renderIcon(named) : monogram(name)}
        </span>
        <span className="thryve-connect-source__name">{name}</span>
        <span className="thryve-connect-badge" data-status={shownStatus}>
          {badge}
        </span>
        <span className="thryve-connect-source__actions">
          {canConnect &&
            !Confirm &&
            withForm(
              'connect',
              startConnect,
              <button
                type={submitType}
                className="thryve-connect-button"
                aria-label={messages.connect(name)}
                aria-describedby={picker.consentNoticeId}
                disabled={hydrated && (busy || !connection.canConnect)}
                aria-disabled={hydrated && (busy || !connection.canConnect)}
                onClick={formRoutes === undefined ? startConnect : undefined}
              >
                {messages.connectShort}
              </button>,
            )}
          {canDisconnect && confirmDisconnect && formRoutes !== undefined && !hydrated && (
            <DisconnectWithoutScript name={name} messages={messages}>
              {(children) => withForm('revoke', startRevoke, children)}
            </DisconnectWithoutScript>
          )}
          {canDisconnect && !Confirm && confirmDisconnect && (hydrated || formRoutes === undefined) && (
            <button
              ref={disconnectRef}
              type="button"
              className="thryve-connect-button thryve-connect-button--danger"
              aria-label={messages.disconnect(name)}
              disabled={busy}
              aria-busy={confirming}
              onClick={() => {
                setConfirming(true);
                confirm.retry();
              }}
            >
              {messages.disconnectShort}
            </button>
          )}
          {canDisconnect &&
            !Confirm &&
            !confirmDisconnect &&
            withForm(
              'revoke',
              startRevoke,
              <button
                ref={disconnectRef}
                type={submitType}
                className="thryve-connect-button thryve-connect-button--danger"
                aria-label={messages.disconnect(name)}
                disabled={busy}
                onClick={formRoutes === undefined ? startRevoke : undefined}
              >
                {messages.disconnectShort}
              </button>,
            )}
        </span>
        {connectedAt &&
          (Since ? (
            <Since connectedAt={connectedAt} locale={picker.locale} messages={messages} />
          ) : (
            // Its line, held until the text is here.
            <p className="thryve-connect-source__since">{'\u00a0'}</p>
          ))}
      </div>
      {Confirm && (
        <Confirm
          name={name}
          messages={messages}
          onConfirm={startRevoke}
          onCancel={() => setConfirming(false)}
        />
      )}
      {confirming && confirm.failed && (
        <p className="thryve-connect-source__message" role="alert">
          {messages.errors.offline}
        </p>
      )}
      {connection.error && (
        <div className="thryve-connect-source__error">
          <p className="thryve-connect-source__message">
            {connection.error.code === 'popup_blocked'
              ? messages.popupBlocked(name)
              : errorMessage(messages, connection.error)}
          </p>
          {fallbackUrl ? (
            Fallback && (
              <Fallback name={name} messages={messages} connection={connection} fallbackUrl={fallbackUrl} />
            )
          ) : (
            <button
              type="button"
              className="thryve-connect-button thryve-connect-button--secondary"
              onClick={lastAction.current === 'connect' ? startConnect : startRevoke}
            >
              {messages.retry}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
