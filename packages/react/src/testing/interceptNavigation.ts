/** What {@link interceptNavigation} caught. */
export interface InterceptedNavigation {
  /** Every URL the page tried to navigate to (`location.assign` / `location.replace`), oldest first. */
  urls: string[];
  /** Every URL opened in a new tab (`window.open`). */
  opened: string[];
  /** Puts the real `location` and `window.open` back. */
  restore(): void;
}

/**
 * jsdom cannot navigate: this catches the page's navigations (`location.assign`, `location.replace`)
 * and new tabs (`window.open`, answered with a tab object unless `blockPopups`) so a test can read
 * them, e.g. to hand the connect URL to {@link simulateThryveRedirect}.
 */
export function interceptNavigation(options: { blockPopups?: boolean } = {}): InterceptedNavigation {
  const urls: string[] = [];
  const opened: string[] = [];
  const real = window.location;
  const descriptor = Object.getOwnPropertyDescriptor(window, 'location');
  if (!descriptor?.configurable) {
    throw new TypeError('interceptNavigation needs a DOM whose window.location can be replaced (jsdom).');
  }
  const record = (url: string | URL) => void urls.push(String(url));
  // A stand-in that reads the real address and records where the page tried to go.
  const fake = {
    assign: record,
    replace: record,
    reload: () => {},
    toString: () => real.href,
  } as unknown as Location;
  for (const key of [
    'origin',
    'protocol',
    'host',
    'hostname',
    'port',
    'pathname',
    'search',
    'hash',
  ] as const) {
    Object.defineProperty(fake, key, { enumerable: true, get: () => real[key] });
  }
  Object.defineProperty(fake, 'href', { enumerable: true, get: () => real.href, set: record });
  Object.defineProperty(window, 'location', { configurable: true, get: () => fake });
  const open = window.open;
  window.open = ((url?: string | URL) => {
    opened.push(String(url));
    return options.blockPopups ? null : ({ opener: window, closed: false } as unknown as Window);
  }) as typeof window.open;
  return {
    urls,
    opened,
    restore() {
      Object.defineProperty(window, 'location', descriptor);
      window.open = open;
    },
  };
}
