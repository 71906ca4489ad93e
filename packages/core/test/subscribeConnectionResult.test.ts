// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPendingActionStore,
  createThryveConnect,
  getConnectionResult,
  subscribeConnectionResult,
  type ThryveConnect,
} from '../src/index.js';
import { backend, tokenOf, widgetUrl } from './support/controllerKit.js';

const TOKEN = tokenOf(widgetUrl());

/** The address Thryve sends Alice back to after connecting source 1, with her pending action saved. */
function aliceReturnsFromThryve() {
  createPendingActionStore().save({ userKey: 'alice', action: 'connect', dataSource: 1, token: TOKEN });
  window.history.replaceState(null, '', `/devices?tab=2&token=${TOKEN}&dataSource=1&connected=true`);
}

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

let thryve: ThryveConnect;
beforeEach(() => {
  sessionStorage.clear();
  thryve = createThryveConnect({ fetcher: backend().fetcher });
});
afterEach(() => window.history.replaceState(null, '', '/'));

describe('the page reads a connection result once', () => {
  it('and every listener of the user, subscribed in the same task, hears it once', async () => {
    aliceReturnsFromThryve();
    const alice = thryve.forUser('alice');
    const picker = vi.fn();
    const host = vi.fn();
    subscribeConnectionResult(thryve, alice, picker);
    // StrictMode: the host's effect subscribes, is cleaned up and subscribes again.
    const first = vi.fn();
    subscribeConnectionResult(thryve, alice, first)();
    subscribeConnectionResult(thryve, alice, host);
    await settle();
    const connected = { status: 'connected', action: 'connect', dataSource: 1 };
    expect(picker.mock.calls).toEqual([[connected]]);
    expect(host.mock.calls).toEqual([[connected]]);
    expect(first).not.toHaveBeenCalled();
    expect(window.location.search).toBe('?tab=2');
  });

  it('hands a listener that comes later the result as state, without calling it', async () => {
    aliceReturnsFromThryve();
    const alice = thryve.forUser('alice');
    subscribeConnectionResult(thryve, alice, () => {});
    await settle();
    const late = vi.fn();
    subscribeConnectionResult(thryve, alice, late);
    await settle();
    expect(late).not.toHaveBeenCalled();
    expect(getConnectionResult(thryve, alice)).toMatchObject({ status: 'connected', dataSource: 1 });
    expect(getConnectionResult(thryve, thryve.forUser('bob'))).toEqual({ status: 'none' });
  });
});

describe('while sign-in is still loading', () => {
  it('takes the parameters out of the address at once and holds the result until the user is known', async () => {
    aliceReturnsFromThryve();
    const heard = vi.fn();
    subscribeConnectionResult(thryve, undefined, heard);
    expect(window.location.search).toBe('?tab=2');
    expect(sessionStorage.getItem('thryve-connect:pending-action')).not.toBeNull();
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(TOKEN);
    await settle();
    expect(heard).not.toHaveBeenCalled();

    thryve.setUser('alice');
    subscribeConnectionResult(thryve, thryve.forUser('alice'), heard);
    await settle();
    expect(heard).toHaveBeenCalledExactlyOnceWith({ status: 'connected', action: 'connect', dataSource: 1 });
  });

  it("gives another user no success from Alice's return, and forgets her action", async () => {
    aliceReturnsFromThryve();
    subscribeConnectionResult(thryve, undefined, () => {});
    thryve.setUser('bob');
    const heard = vi.fn();
    subscribeConnectionResult(thryve, thryve.forUser('bob'), heard);
    await settle();
    expect(heard).toHaveBeenCalledOnce();
    expect(heard.mock.calls[0]?.[0]).toMatchObject({ status: 'unmatched', reason: 'no_pending_action' });
    expect(createPendingActionStore().peek('alice')).toBeNull();
  });

  it('drops the held result when the app says nobody is signed in', async () => {
    aliceReturnsFromThryve();
    subscribeConnectionResult(thryve, undefined, () => {});
    thryve.setUser(null);
    thryve.setUser('alice');
    const heard = vi.fn();
    subscribeConnectionResult(thryve, thryve.forUser('alice'), heard);
    await settle();
    expect(heard).not.toHaveBeenCalled();
    expect(getConnectionResult(thryve, thryve.forUser('alice'))).toEqual({ status: 'none' });
  });

  it('clears the pending action on sign-out, even on a page that started nothing', () => {
    createPendingActionStore().save({ userKey: 'alice', action: 'connect', dataSource: 1, token: TOKEN });
    subscribeConnectionResult(thryve, undefined, () => {});
    expect(createPendingActionStore().peek('alice')).not.toBeNull();
    thryve.setUser(null);
    expect(sessionStorage.getItem('thryve-connect:pending-action')).toBeNull();
  });

  it("keeps a matched result with its user only: once they sign out it is nobody's", async () => {
    aliceReturnsFromThryve();
    const alice = thryve.forUser('alice');
    thryve.setUser('alice');
    subscribeConnectionResult(thryve, alice, () => {});
    await settle();
    thryve.setUser('bob');
    expect(getConnectionResult(thryve, alice)).toEqual({ status: 'none' });
  });
});

describe('the page reading, at its edges', () => {
  it('strips even a partial result from the address without telling anyone, and answers none before any reading', async () => {
    expect(getConnectionResult(thryve, thryve.forUser('alice'))).toEqual({ status: 'none' });
    window.history.replaceState(null, '', `/devices?tab=2&token=${TOKEN}`);
    const heard = vi.fn();
    subscribeConnectionResult(thryve, thryve.forUser('alice'), heard);
    expect(window.location.search).toBe('?tab=2');
    await settle();
    expect(heard).not.toHaveBeenCalled();
    expect(getConnectionResult(thryve, thryve.forUser('alice'))).toEqual({ status: 'none' });
  });

  it('tells only the listeners of the user it was matched to, not one still waiting for sign-in', async () => {
    aliceReturnsFromThryve();
    const waiting = vi.fn();
    const alices = vi.fn();
    subscribeConnectionResult(thryve, undefined, waiting);
    subscribeConnectionResult(thryve, thryve.forUser('alice'), alices);
    await settle();
    expect(alices).toHaveBeenCalledOnce();
    expect(waiting).not.toHaveBeenCalled();
  });

  it('is not matched to a user who was replaced before it was read, nor to a stale listener', async () => {
    aliceReturnsFromThryve();
    const alice = thryve.forUser('alice');
    const heard = vi.fn();
    subscribeConnectionResult(thryve, alice, heard);
    thryve.setUser('bob'); // before the reading's task: Alice's handle is retired
    const stale = vi.fn();
    subscribeConnectionResult(thryve, alice, stale);
    await settle();
    expect(heard).not.toHaveBeenCalled();
    expect(stale).not.toHaveBeenCalled();
    const bobs = vi.fn();
    subscribeConnectionResult(thryve, thryve.forUser('bob'), bobs);
    await settle();
    expect(bobs.mock.calls[0]?.[0]).toMatchObject({ status: 'unmatched' });
  });

  it('keeps a result matched without a signed-in user when that user is then confirmed', async () => {
    aliceReturnsFromThryve();
    const alice = thryve.forUser('alice');
    subscribeConnectionResult(thryve, alice, () => {});
    await settle();
    thryve.setUser('alice');
    expect(getConnectionResult(thryve, alice)).toMatchObject({ status: 'connected' });
  });
});
