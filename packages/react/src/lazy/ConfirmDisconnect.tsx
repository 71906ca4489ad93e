'use client';
import { useEffect, useRef } from 'react';
import type { PickerMessages } from '../pickerMessages.js';

/**
 * The inline question before a disconnect, loaded with the first Disconnect click: focus goes to Cancel
 * when it opens, Escape backs out of it as it would close a dialog.
 */
export function ConfirmDisconnect(props: {
  name: string;
  messages: PickerMessages;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { name, messages, onCancel } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an inline question, not a modal <dialog>: focus stays in the list.
    <div
      className="thryve-connect-source__confirm"
      role="group"
      aria-label={messages.disconnect(name)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p className="thryve-connect-source__message">{messages.confirmDisconnect(name)}</p>
      <button
        type="button"
        className="thryve-connect-button thryve-connect-button--danger"
        onClick={props.onConfirm}
      >
        {messages.confirm}
      </button>
      <button
        ref={cancelRef}
        type="button"
        className="thryve-connect-button thryve-connect-button--secondary"
        onClick={onCancel}
      >
        {messages.cancel}
      </button>
    </div>
  );
}
