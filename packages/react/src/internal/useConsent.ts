'use client';
import type { ThryveUser } from '@thryve-connect/core';
import { useCallback, useRef, useState } from 'react';
import type { Consent } from '../Consent.js';
import { useThryveConnect } from '../ThryveConnectContext.js';
import { useLatestRef } from './useLatestRef.js';

/** What {@link useConsent} returns. */
export interface ConsentState {
  /** The notice must be shown: a consent was asked for and this user has not accepted its version. */
  needed: boolean;
  /**
   * Records the acceptance, synchronously, when it is still needed: the host's `onAccept`, then
   * `CONSENT_ACCEPTED`. Call it from the click that continues; a no-op otherwise.
   */
  accept: () => void;
}

/** Who accepted which version of the notice. */
export interface Acceptance {
  user: ThryveUser | null;
  version: string;
}

/** The notice is accepted: by the host (`accepted`), or by this user for this version, as remembered. */
export function isAccepted(consent: Consent, memory: Acceptance | null, user: ThryveUser | null): boolean {
  return consent.accepted === true || (memory?.user === user && memory.version === consent.version);
}

/**
 * Whether a component must show its privacy notice, and the acceptance. Remembered while mounted, per
 * user and version: another user, or a new version of the notice, is asked again. `onAccepted` hears
 * each acceptance: the widget remembers it itself, and only its lazily loaded notice calls this hook.
 */
export function useConsent(
  consent: Consent | undefined,
  onAccepted?: (acceptance: Acceptance) => void,
): ConsentState {
  const { client, user } = useThryveConnect('useConsent');
  const [accepted, setAccepted] = useState<Acceptance | null>(null);
  // Read by the click itself: two clicks before a re-render report one acceptance.
  const acceptedNow = useRef<Acceptance | null>(null);
  const needed = consent !== undefined && !isAccepted(consent, accepted, user);
  const latest = useLatestRef(consent);
  const accept = useCallback(() => {
    const current = latest.current;
    if (!current || isAccepted(current, acceptedNow.current, user)) return;
    current.onAccept(current.version);
    const acceptance = { user, version: current.version };
    acceptedNow.current = acceptance;
    setAccepted(acceptance);
    onAccepted?.(acceptance);
    client.emit({ type: 'CONSENT_ACCEPTED', version: current.version });
  }, [client, user, latest, onAccepted]);
  return { needed, accept };
}
