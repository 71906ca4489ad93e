import type { ThryveConnectContextValue } from '../ThryveConnectContext.js';
import { directionOf } from './directionOf.js';

/**
 * What our components' root element carries: the language of its texts, their direction (the
 * provider's `dir`, else the locale's: Arabic mirrors the layout) and the colour theme, which the
 * stylesheet reads from `data-theme` (`system` follows `prefers-color-scheme`).
 */
export function rootAttributes(
  context: Pick<ThryveConnectContextValue, 'dir' | 'theme'>,
  locale: string,
): { lang: string; dir: 'ltr' | 'rtl'; 'data-theme': 'light' | 'dark' | 'system' } {
  return { lang: locale, dir: context.dir ?? directionOf(locale), 'data-theme': context.theme };
}
