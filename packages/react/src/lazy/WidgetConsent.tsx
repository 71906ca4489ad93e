'use client';
import type { Consent } from '../Consent.js';
import { ConsentNotice } from '../internal/ConsentNotice.js';
import type { WidgetMessages } from '../widgetMessages.js';

/**
 * The widget's privacy notice, in place of the widget until the user accepts it. Loaded only by a
 * widget given a `consent` its user has not accepted yet.
 */
export function WidgetConsent(props: {
  consent: Consent;
  messages: Pick<WidgetMessages, 'consentAccept' | 'consentLink'>;
  onAccept: () => void;
}) {
  return (
    <ConsentNotice consent={props.consent} linkText={props.messages.consentLink}>
      <button type="button" className="thryve-connect-button" onClick={props.onAccept}>
        {props.messages.consentAccept}
      </button>
    </ConsentNotice>
  );
}
