'use client';
import { DEFAULT_LOCALE, type Locale, type ThryveFetcher } from '@thryve-connect/core';
import { useEffect, useRef } from 'react';
import type { ThryveTranslations } from '../ThryveConnectContext.js';

/**
 * The provider's development-only warnings. Reached only through `#is-development` in a development
 * build; production builds get an empty function in its place, and none of these texts.
 */
export function useProviderWarnings(
  locale: Locale,
  messages: ThryveTranslations | undefined,
  fetcher: ThryveFetcher | undefined,
): void {
  // A non-English app that forgot its texts sees English labels around a translated widget: say so.
  useEffect(() => {
    if (locale !== DEFAULT_LOCALE && !messages?.[locale]) {
      console.warn(
        `[thryve-connect] No texts for locale "${locale}": our components show English around Thryve's ` +
          `"${locale}" widget. Import them, e.g. import { ${locale} } from '@thryve-connect/react/messages/${locale}', ` +
          `and pass them as <ThryveConnectProvider messages={{ ${locale} }}>.`,
      );
    }
  }, [locale, messages]);
  // A fetcher created inline is a new controller on every render, and in-flight flows are lost.
  const first = useRef(fetcher);
  if (fetcher !== first.current) {
    first.current = fetcher;
    console.warn(
      '[thryve-connect] The provider got a new `fetcher`: define it once (module scope, or useMemo), ' +
        'or every render starts over the connect/revoke flow state.',
    );
  }
}
