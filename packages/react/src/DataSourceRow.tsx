'use client';
import type { DataSourceId } from '@thryve-connect/core';
import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
import type { PickerMessages } from './pickerMessages.js';
import {
  type UseDataSourceConnectionOptions,
  type UseDataSourceConnectionResult,
  useDataSourceConnection,
} from './useDataSourceConnection.js';
import type { DataSourceWithStatus } from './useDataSources.js';
import { errorMessage } from './widgetMessages.js';

/** What a `renderSource` render prop receives: the source, its connection controls and the texts. */
export interface RenderSourceProps {
  source: DataSourceWithStatus;
  connection: UseDataSourceConnectionResult;
  messages: PickerMessages;
}

/** Props of {@link DataSourceRow}. */
export interface DataSourceRowProps {
  source: DataSourceWithStatus;
  messages: PickerMessages;
  options: UseDataSourceConnectionOptions;
  /** Ask before disconnecting. */
  confirmDisconnect: boolean;
  /** Sends a sentence to the picker's polite live region. */
  announce: (message: string) => void;
  renderSource?: ((props: RenderSourceProps) => ReactNode) | undefined;
  renderIcon?: ((source: DataSourceWithStatus) => ReactNode) | undefined;
  onRevoked?: ((dataSource: DataSourceId) => void) | undefined;
}

function monogram(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return letters.slice(0, 2).join('') || '?';
}

function sameSource(a: DataSourceWithStatus, b: DataSourceWithStatus): boolean {
  return a.id === b.id && a.name === b.name && a.status === b.status && a.connectedAt === b.connectedAt;
}

/**
 * One source of the picker: name, icon, status badge and its Connect / Disconnect controls. Memoized
 * on the source's values: a status change re-renders only the row it concerns.
 */
export const DataSourceRow = memo(DataSourceRowImpl, (previous, next) => {
  for (const key of Object.keys(next) as (keyof DataSourceRowProps)[]) {
    if (key === 'source' ? !sameSource(previous.source, next.source) : previous[key] !== next[key])
      return false;
  }
  return true;
});

function DataSourceRowImpl(props: DataSourceRowProps) {
  const { source, messages, announce, confirmDisconnect } = props;
  const connection = useDataSourceConnection(source.id, {
    ...props.options,
    onRevoked: (id) => {
      announce(messages.disconnected(source.name));
      props.onRevoked?.(id);
      props.options.onRevoked?.(id);
    },
    onError: (error) => {
      if (error.code === 'popup_blocked') announce(messages.popupBlocked(source.name));
      else announce(errorMessage(messages, error.code));
      props.options.onError?.(error);
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

  const badge =
    status === 'connected'
      ? messages.statusConnected
      : status === 'disconnected'
        ? messages.statusDisconnected
        : status === 'connecting'
          ? messages.statusConnecting
          : status === 'revoking'
            ? messages.statusRevoking
            : status === 'error'
              ? source.status === 'connected'
                ? messages.statusConnected
                : source.status === 'disconnected'
                  ? messages.statusDisconnected
                  : messages.statusUnknown
              : messages.statusUnknown;
  const shownStatus = status === 'error' ? source.status : status;
  const busy = status === 'connecting' || status === 'revoking';
  const canDisconnect = shownStatus === 'connected' || shownStatus === 'unknown';
  const canConnect = shownStatus !== 'connected';

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

  if (props.renderSource) {
    return (
      <li className="thryve-connect-source" data-status={status}>
        {props.renderSource({ source, connection, messages })}
      </li>
    );
  }

  return (
    <li className="thryve-connect-source" data-status={status}>
      <div className="thryve-connect-source__main">
        <span className="thryve-connect-source__icon" aria-hidden="true">
          {props.renderIcon ? props.renderIcon(source) : monogram(source.name)}
        </span>
        <span className="thryve-connect-source__name">{source.name}</span>
        <span className="thryve-connect-badge" data-status={shownStatus}>
          {badge}
        </span>
        <span className="thryve-connect-source__actions">
          {canConnect && !confirming && (
            <button
              type="button"
              className="thryve-connect-button"
              aria-label={messages.connect(source.name)}
              disabled={busy || !connection.canConnect}
              aria-disabled={busy || !connection.canConnect}
              onClick={startConnect}
            >
              {messages.connectShort}
            </button>
          )}
          {canDisconnect && !confirming && (
            <button
              ref={disconnectRef}
              type="button"
              className="thryve-connect-button thryve-connect-button--danger"
              aria-label={messages.disconnect(source.name)}
              disabled={busy}
              onClick={() => (confirmDisconnect ? setConfirming(true) : startRevoke())}
            >
              {messages.disconnectShort}
            </button>
          )}
        </span>
      </div>
      {confirming && (
        // biome-ignore lint/a11y/useSemanticElements: an inline question, not a modal <dialog>: focus stays in the list.
        <div
          className="thryve-connect-source__confirm"
          role="group"
          aria-label={messages.disconnect(source.name)}
          // Escape backs out of the question, as it would close a dialog.
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(false);
          }}
        >
          <p className="thryve-connect-source__message">{messages.confirmDisconnect(source.name)}</p>
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
              ? messages.popupBlocked(source.name)
              : errorMessage(messages, connection.error.code)}
          </p>
          {connection.fallbackUrl ? (
            <>
              <button
                type="button"
                className="thryve-connect-button thryve-connect-button--secondary"
                onClick={connection.continueInThisWindow}
              >
                {messages.openInThisWindow}
              </button>
              <a
                className="thryve-connect-link"
                href={connection.fallbackUrl}
                target="_blank"
                rel="noopener noreferrer"
                onClick={connection.reset}
              >
                {messages.openLink(source.name)}
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
