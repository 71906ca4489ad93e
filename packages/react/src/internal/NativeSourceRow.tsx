'use client';
import type { DataSourceId } from '@thryve-connect/core';
import { memo } from 'react';
import type { ConnectionResultSource } from '../useConnectionResult.js';
import type { DataSourceWithStatus } from '../useDataSources.js';
import { monogram } from './monogram.js';
import { usePickerContext } from './PickerContext.js';
import { sourceName } from './sourceName.js';

/**
 * Where a native source (Apple Health, Health Connect, Samsung Health…) is connected: a web page cannot,
 * only the host's mobile app with Thryve's SDK. A link (an app page, a store or a deep link), or a
 * callback (show a QR code, send a link by email).
 */
export type NativeSourcesAction =
  | { href: string }
  | { onSelect: (dataSource: DataSourceId, source: ConnectionResultSource) => void };

const BADGE = {
  connected: 'statusConnected',
  disconnected: 'statusDisconnected',
  unknown: 'statusUnknown',
} as const;

export interface NativeSourceRowProps {
  source: DataSourceWithStatus;
  action: NativeSourcesAction;
}

/**
 * A native source in the picker, said as it is: its status as Thryve reports it, and "Connect in our
 * app" where it is not connected. No Connect or Disconnect of the web flow: neither can work here.
 */
export const NativeSourceRow = memo(function NativeSourceRow({ source, action }: NativeSourceRowProps) {
  const picker = usePickerContext();
  const { messages } = picker;
  const name = sourceName(source, messages);
  const named = name === source.name ? source : { ...source, name };
  return (
    <li className="thryve-connect-source" data-status={source.status} data-kind="native">
      <div className="thryve-connect-source__main">
        <span className="thryve-connect-source__icon" aria-hidden="true">
          {picker.renderIcon ? picker.renderIcon(named) : monogram(name)}
        </span>
        <span className="thryve-connect-source__name">{name}</span>
        <span className="thryve-connect-badge" data-status={source.status}>
          {messages[BADGE[source.status]]}
        </span>
        <span className="thryve-connect-source__actions">
          {source.status !== 'connected' &&
            ('href' in action ? (
              <a
                className="thryve-connect-button thryve-connect-button--secondary"
                href={action.href}
                aria-label={messages.nativeConnect(name)}
              >
                {messages.nativeConnectShort}
              </a>
            ) : (
              <button
                type="button"
                className="thryve-connect-button thryve-connect-button--secondary"
                aria-label={messages.nativeConnect(name)}
                onClick={() => action.onSelect(source.id, { name })}
              >
                {messages.nativeConnectShort}
              </button>
            ))}
        </span>
      </div>
    </li>
  );
});
