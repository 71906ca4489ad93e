'use client';
import type { Consent } from '../Consent.js';
import { ConsentNotice } from '../internal/ConsentNotice.js';
import { type Acceptance, useConsent } from '../internal/useConsent.js';
import type { WidgetMessages } from '../widgetMessages.js';

/**
 * The widget's privacy notice, in place of the widget until the user accepts it. Loaded only by a
 * widget given a `consent` its user has not accepted yet; its button records the acceptance and hands
 * it to the widget (`onAccepted`), which remembers it.
 */
export function WidgetConsent(props: {
  consent: Consent;
  messages: Pick<WidgetMessages, 'consentAccept' | 'consentLink'>;
  onAccepted: (acceptance: Acceptance) => void;
}) {
  const { accept } = useConsent(props.consent, props.onAccepted);
  return (
    <ConsentNotice consent={props.consent} linkText={props.messages.consentLink}>
      <button type="button" className="thryve-connect-button" onClick={accept}>
        {props.messages.consentAccept}
      </button>
    </ConsentNotice>
  );
}
