'use client';
import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
import { formatConnectedAt } from './internal/intl.js';
import { monogram } from './internal/monogram.js';
import { usePickerContext } from './internal/PickerContext.js';
import { DisconnectWithoutScript, RowForm } from './internal/RowForm.js';
import { sourceName } from './internal/sourceName.js';
import { useHydrated } from './internal/useHydrated.js';
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const disconnectRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus follows the question: to Cancel when it opens, back to Disconnect when it closes.
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) disconnectRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const status = connection.status;
  useEffect(() => {
    if (status === 'connecting') announce(messages.statusConnecting);
    if (status === 'revoking') announce(messages.statusRevoking);
  }, [status, announce, messages]);

  // After a failed action the badge shows what the backend last reported, not "error".
  const shownStatus = status === 'error' ? source.status : status;
  const badge = messages[BADGE[shownStatus]];
  const busy = status === 'connecting' || status === 'revoking';
  const since =
    picker.showConnectedSince && shownStatus === 'connected' && source.connectedAt
      ? formatConnectedAt(source.connectedAt, picker.locale, Date.now())
      : undefined;
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
            !confirming &&
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
          {canDisconnect && !confirming && confirmDisconnect && (hydrated || formRoutes === undefined) && (
            <button
              ref={disconnectRef}
              type="button"
              className="thryve-connect-button thryve-connect-button--danger"
              aria-label={messages.disconnect(name)}
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {messages.disconnectShort}
            </button>
          )}
          {canDisconnect &&
            !confirming &&
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
        {since && (
          <p className="thryve-connect-source__since">
            {/* Relative to now: a server render and the browser may differ by a day at midnight. */}
            <time dateTime={source.connectedAt ?? undefined} suppressHydrationWarning>
              {since.relative ? messages.connectedAgo(since.text) : messages.connectedSince(since.text)}
            </time>
          </p>
        )}
      </div>
      {confirming && (
        // biome-ignore lint/a11y/useSemanticElements: an inline question, not a modal <dialog>: focus stays in the list.
        <div
          className="thryve-connect-source__confirm"
          role="group"
          aria-label={messages.disconnect(name)}
          // Escape backs out of the question, as it would close a dialog.
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(false);
          }}
        >
          <p className="thryve-connect-source__message">{messages.confirmDisconnect(name)}</p>
          <button
            type="button"
            className="thryve-connect-button thryve-connect-button--danger"
            onClick={startRevoke}
          >
            {messages.confirm}
          </button>
          <button
            ref={cancelRef}
            type="button"
            className="thryve-connect-button thryve-connect-button--secondary"
            onClick={() => setConfirming(false)}
          >
            {messages.cancel}
          </button>
        </div>
      )}
      {connection.error && (
        <div className="thryve-connect-source__error">
          <p className="thryve-connect-source__message">
            {connection.error.code === 'popup_blocked'
              ? messages.popupBlocked(name)
              : errorMessage(messages, connection.error)}
          </p>
          {connection.fallbackUrl ? (
            <>
              {/* Only with a way back: without a redirectUri Thryve would leave the user on its own page. */}
              {connection.canContinueInThisWindow && (
                <button
                  type="button"
                  className="thryve-connect-button thryve-connect-button--secondary"
                  onClick={connection.continueInThisWindow}
                >
                  {messages.openInThisWindow}
                </button>
              )}
              <a
                className="thryve-connect-link"
                href={connection.fallbackUrl}
                target="_blank"
                rel="noopener noreferrer"
                onClick={connection.reset}
              >
                {messages.openLink(name)}
              </a>
            </>
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
