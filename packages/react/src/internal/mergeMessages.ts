import type { MessageOverrides, WidgetMessages } from '../widgetMessages.js';

/**
 * Merges text layers over a complete base: a translation (the provider's `messages[locale]`), then a
 * component's `messages` prop. `errors` merges by kind, so overriding one text keeps the others.
 */
export function mergeMessages<T extends Pick<WidgetMessages, 'errors'>>(
  base: T,
  ...layers: (MessageOverrides<T> | undefined)[]
): T {
  let result = base;
  for (const layer of layers) {
    if (layer) result = { ...result, ...layer, errors: { ...result.errors, ...layer.errors } } as T;
  }
  return result;
}
