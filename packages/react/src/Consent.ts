import type { ReactNode } from 'react';

interface ConsentBase {
  /**
   * The notice's version, as your consent records name it (e.g. `'2026-11'`): reported with the
   * acceptance, and what `accepted` refers to.
   */
  version: string;
  /**
   * Called in the click that accepts, before anything continues, with `version`: record the consent
   * here. A throw stops the click: no health data is shared without your record of the consent.
   */
  onAccept: (version: string) => void;
  /**
   * `true` when this user already accepted this `version` (your record says so): no notice is shown.
   * Without it a component asks again each time it mounts; while mounted it remembers the acceptance.
   */
  accepted?: boolean | undefined;
}

/**
 * A privacy notice shown before the first connect (the picker) or before Thryve's widget loads (the
 * widget): your text, a link to the full notice, or both. Accepting is the click that continues.
 */
export type Consent = ConsentBase &
  (
    | { /** The notice, in your words and the page's language. */ text: ReactNode; href?: string | undefined }
    | { text?: ReactNode /** The full notice, opened in a new tab. */; href: string }
  );
