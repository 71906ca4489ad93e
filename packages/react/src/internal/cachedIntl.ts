// Intl objects are not free to build: one per locale and kind, made on first use.
const cache = new Map<string, unknown>();
export function cachedIntl<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
