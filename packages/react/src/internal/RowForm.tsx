'use client';
import type { DataSourceId } from '@thryve-connect/core';
import type { FormEvent, ReactNode } from 'react';
import type { PickerMessages } from '../pickerMessages.js';

/** Props of {@link RowForm}. */
export interface RowFormProps {
  /** The proxy route the form posts to before hydration: `{formRoutes}/connect` or `/revoke`. */
  action: string;
  dataSource: DataSourceId;
  /** The page to come back to; without it the proxy uses the browser's `Referer`. */
  returnTo: string | undefined;
  /** After hydration the submit is the picker's own flow, started in the click's gesture. */
  onSubmit: () => void;
  children: ReactNode;
}

/**
 * A row's action as a real form: its submit button works in the server HTML, before hydration and
 * with JavaScript off (the proxy's form routes answer with a redirect). Once React has hydrated,
 * `onSubmit` runs the zero-await flow instead and the post never leaves.
 */
export function RowForm({ action, dataSource, returnTo, onSubmit, children }: RowFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="thryve-connect-source__form" method="post" action={action} onSubmit={submit}>
      <input type="hidden" name="dataSource" value={dataSource} />
      {returnTo !== undefined && <input type="hidden" name="returnTo" value={returnTo} />}
      {children}
    </form>
  );
}

/**
 * Disconnect's question where no script runs yet: a disclosure whose Confirm is the form's submit.
 * Hydration replaces it with the inline question, whose focus handling needs script.
 */
export function DisconnectWithoutScript({
  name,
  messages,
  children,
}: {
  name: string;
  messages: PickerMessages;
  children: (content: ReactNode) => ReactNode;
}) {
  return (
    <details className="thryve-connect-source__details">
      <summary
        className="thryve-connect-button thryve-connect-button--danger"
        aria-label={messages.disconnect(name)}
      >
        {messages.disconnectShort}
      </summary>
      <div className="thryve-connect-source__confirm">
        <p className="thryve-connect-source__message">{messages.confirmDisconnect(name)}</p>
        {children(
          <button type="submit" className="thryve-connect-button thryve-connect-button--danger">
            {messages.confirm}
          </button>,
        )}
      </div>
    </details>
  );
}
