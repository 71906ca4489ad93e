'use client';
import { formatConnectedAt } from '../internal/formatConnectedAt.js';
import type { PickerMessages } from '../pickerMessages.js';

/**
 * "Connected yesterday", "Connected since Mar 4, 2026" under a connected source, in the picker's
 * language; nothing for a value that is not a date.
 */
export function ConnectedSince(props: { connectedAt: string; locale: string; messages: PickerMessages }) {
  const since = formatConnectedAt(props.connectedAt, props.locale, Date.now());
  return (
    since && (
      <p className="thryve-connect-source__since">
        {/* Relative to now: a server render and the browser may differ by a day at midnight. */}
        <time dateTime={props.connectedAt} suppressHydrationWarning>
          {since.relative
            ? props.messages.connectedAgo(since.text)
            : props.messages.connectedSince(since.text)}
        </time>
      </p>
    )
  );
}
