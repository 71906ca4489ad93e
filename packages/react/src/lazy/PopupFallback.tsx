'use client';
import type { PickerMessages } from '../pickerMessages.js';
import type { UseDataSourceConnectionResult } from '../useDataSourceConnection.js';

/**
 * The ways on after the browser blocked the connect window, loaded when that first happens: the same
 * page in this window (only with a way back: without a `redirectUri` Thryve would leave the user on its
 * own page), and the link, which opens a new tab on a click.
 */
export function PopupFallback(props: {
  name: string;
  messages: PickerMessages;
  connection: UseDataSourceConnectionResult;
  fallbackUrl: string;
}) {
  const { connection, messages } = props;
  return (
    <>
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
        href={props.fallbackUrl}
        target="_blank"
        rel="noopener noreferrer"
        onClick={connection.reset}
      >
        {messages.openLink(props.name)}
      </a>
    </>
  );
}
