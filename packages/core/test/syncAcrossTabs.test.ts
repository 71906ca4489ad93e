import { describe, expect, it, vi } from 'vitest';
import {
  announceConnectionChange,
  connectionsOptions,
  createThryveConnect,
  syncAcrossTabs,
} from '../src/index.js';
import { backend } from './support/controllerKit.js';

// Two tabs of one origin are two controllers; Node's BroadcastChannel carries messages between them as
// the browser's does between tabs.

const tab = () => createThryveConnect({ fetcher: backend().fetcher });

describe('across tabs', () => {
  it("has the user's other tabs read their statuses again, and nobody else's", async () => {
    const here = tab();
    const there = tab();
    const alice = here.forUser('alice');
    const bob = here.forUser('bob');
    const invalidate = vi.spyOn(here.queryClient, 'invalidateQueries');
    const stops = [syncAcrossTabs(alice), syncAcrossTabs(bob)];
    announceConnectionChange(there.forUser('alice'));
    await vi.waitFor(() => expect(invalidate).toHaveBeenCalledOnce());
    expect(invalidate).toHaveBeenCalledWith(
      { queryKey: connectionsOptions(alice).queryKey },
      { cancelRefetch: false },
    );
    for (const stop of stops) stop();
    announceConnectionChange(there.forUser('alice'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(invalidate).toHaveBeenCalledOnce();
  });

  it('ignores a prompt for a user who is no longer signed in here', async () => {
    const here = tab();
    const alice = here.forUser('alice');
    const invalidate = vi.spyOn(here.queryClient, 'invalidateQueries');
    const stops = [syncAcrossTabs(alice)];
    here.setUser('bob');
    stops.push(syncAcrossTabs(here.forUser('bob')));
    invalidate.mockClear();
    const there = tab();
    announceConnectionChange(there.forUser('alice'));
    announceConnectionChange(there.forUser('bob'));
    // Bob's prompt, sent after Alice's, is the sign that Alice's has been heard too.
    await vi.waitFor(() => expect(invalidate).toHaveBeenCalledOnce());
    expect(invalidate).toHaveBeenCalledWith(
      { queryKey: connectionsOptions(here.forUser('bob')).queryKey },
      { cancelRefetch: false },
    );
    for (const stop of stops) stop();
  });

  it('does nothing where there is no BroadcastChannel (an old browser, a server)', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const alice = tab().forUser('alice');
    expect(() => announceConnectionChange(alice)).not.toThrow();
    expect(syncAcrossTabs(alice)).toBeTypeOf('function');
    vi.unstubAllGlobals();
  });
});
