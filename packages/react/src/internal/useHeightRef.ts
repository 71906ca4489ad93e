'use client';
import { useCallback } from 'react';

/**
 * Sets a host's `height` on an element through the CSSOM, which a strict `style-src 'self'` allows: a
 * `style` attribute in the server's HTML it blocks (a nonce cannot allow one). Until hydration the
 * stylesheet's minimum height holds the space.
 */
export function useHeightRef(height: number | string | undefined) {
  const css = typeof height === 'number' ? `${height}px` : height;
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      element.style.height = css ?? '';
      element.style.minHeight = css === undefined ? '' : '0';
    },
    [css],
  );
}
