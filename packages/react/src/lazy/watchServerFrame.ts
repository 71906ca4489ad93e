/** Whether the browser has a Resource Timing entry for an iframe: reported when it loaded. */
const iframeEntryIn = (entries: PerformanceEntryList) =>
  entries.some((entry) => (entry as PerformanceResourceTiming).initiatorType === 'iframe');

/**
 * Tells whether an iframe that came with the server's HTML has loaded: its load event may have fired
 * before React listened. The browser reports an iframe's Resource Timing entry when it loads (in
 * Chromium, before the load event): one there means loaded; none means `notSeen` (it loads under the
 * same timeout as any frame), and an entry arriving later still means loaded. Loaded only for a frame
 * that came in server HTML. Returns the function that stops watching.
 */
export function watchServerFrame(url: string, loaded: () => void, notSeen: () => void): () => void {
  const name = new URL(url, document.baseURI).href;
  if (typeof performance !== 'undefined' && typeof performance.getEntriesByName === 'function') {
    if (iframeEntryIn(performance.getEntriesByName(name, 'resource'))) {
      loaded();
      return () => {};
    }
  }
  notSeen();
  if (typeof PerformanceObserver === 'undefined') return () => {};
  const observer = new PerformanceObserver((list) => {
    if (iframeEntryIn(list.getEntriesByName(name))) loaded();
  });
  observer.observe({ type: 'resource' });
  return () => observer.disconnect();
}
