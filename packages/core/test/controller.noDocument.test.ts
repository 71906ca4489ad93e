import { afterEach, expect, it, vi } from 'vitest';
import { createThryveConnect } from '../src/index.js';
import { backend, observe, widgetUrl } from './support/controllerKit.js';

// Where there is no document to ask whether the page is visible (a worker, React Native, a test
// runner), the expiry watch still refreshes a session on screen: no visibility means always visible.

afterEach(() => vi.useRealTimers());

it('refreshes a watched session on time where there is no document at all', async () => {
  vi.useFakeTimers();
  expect(typeof document).toBe('undefined');
  const { fetcher, calls } = backend(() => ({ url: widgetUrl(), expiresAt: Date.now() + 60_000 }));
  const thryve = createThryveConnect({ fetcher });
  const stop = thryve.mount();
  const unsubscribe = observe(thryve, 'alice', 'en');
  await vi.advanceTimersByTimeAsync(1);
  await vi.advanceTimersByTimeAsync(51_000);
  expect(calls).toHaveLength(2);
  unsubscribe();
  stop();
});
