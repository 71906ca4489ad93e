// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultNavigate, POPUP_RESULT_CHANNEL, relayConnectionResult } from '../src/index.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

/** What the popup's return page posts, heard as the opener would hear it. */
function hear(): { messages: unknown[]; stop: () => void } {
  const messages: unknown[] = [];
  const channel = new BroadcastChannel(POPUP_RESULT_CHANNEL);
  channel.onmessage = (event) => messages.push(event.data);
  return { messages, stop: () => channel.close() };
}

describe("relayConnectionResult, on a popup's return page", () => {
  it('hands the result to the opener, takes it out of this address, and closes the popup', async () => {
    window.history.replaceState(null, '', '/thryve-return?tab=1&token=1234X5678&dataSource=1&connected=true');
    const href = window.location.href;
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const { messages, stop } = hear();
    expect(relayConnectionResult()).toBe(false); // jsdom's window never reports itself closed
    expect(close).toHaveBeenCalledOnce();
    expect(window.location.search).toBe('?tab=1');
    await vi.waitFor(() => expect(messages).toEqual([{ type: 'result', href }]));
    stop();
  });

  it('says it could close when the browser closed the window, and stays open when asked', () => {
    window.history.replaceState(null, '', '/r?token=1234X5678&dataSource=1&connected=false');
    vi.spyOn(window, 'close').mockImplementation(() => {});
    Object.defineProperty(window, 'closed', { value: true, configurable: true });
    expect(relayConnectionResult()).toBe(true);
    Reflect.deleteProperty(window, 'closed');
    window.history.replaceState(null, '', '/r?dataSource=2');
    const close = vi.spyOn(window, 'close');
    close.mockClear();
    expect(relayConnectionResult({ close: false })).toBe(true);
    expect(close).not.toHaveBeenCalled();
    expect(window.location.search).toBe('');
  });

  it('relays nothing from an address without a result, or where there is no channel', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const { messages, stop } = hear();
    window.history.replaceState(null, '', '/r?tab=1');
    expect(relayConnectionResult()).toBe(false);
    vi.stubGlobal('BroadcastChannel', undefined);
    window.history.replaceState(null, '', '/r?token=1234X5678&dataSource=1&connected=true');
    expect(relayConnectionResult()).toBe(false);
    expect(window.location.search).toBe('?token=1234X5678&dataSource=1&connected=true');
    vi.unstubAllGlobals();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(messages).toEqual([]);
    expect(close).not.toHaveBeenCalled();
    stop();
  });
});

describe('defaultNavigate', () => {
  const url = 'https://service2.und-gesund.de/dataSourceDirectConnection.html?token=1234X5678&dataSource=1';

  it('leaves this page for a same-window connect', () => {
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      ...window.location,
      assign,
    } as unknown as Location);
    const open = vi.spyOn(window, 'open');
    expect(defaultNavigate({ url, target: 'self', action: 'connect' })).toBeUndefined();
    expect(assign).toHaveBeenCalledWith(url);
    expect(open).not.toHaveBeenCalled();
  });

  it('opens a tab with its opener cut, and reports a blocked one', () => {
    const tab = { opener: window } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValueOnce(tab).mockReturnValueOnce(null);
    expect(defaultNavigate({ url, target: 'tab', action: 'connect' })).toBeUndefined();
    expect(open).toHaveBeenLastCalledWith(url, '_blank');
    expect(tab.opener).toBeNull();
    expect(defaultNavigate({ url, target: 'tab', action: 'revoke' })).toBe('blocked');
  });

  it('opens a popup of a consent page’s size, centred over this window', () => {
    vi.spyOn(window, 'screenX', 'get').mockReturnValue(100);
    vi.spyOn(window, 'screenY', 'get').mockReturnValue(50);
    vi.spyOn(window, 'outerWidth', 'get').mockReturnValue(1500);
    vi.spyOn(window, 'outerHeight', 'get').mockReturnValue(1000);
    const popup = { opener: window } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(popup);
    expect(defaultNavigate({ url, target: 'popup', action: 'connect' })).toBeUndefined();
    expect(open).toHaveBeenCalledWith(url, 'thryve-connect', 'popup,width=500,height=720,left=600,top=190');
    expect(popup.opener).toBeNull();
  });
});
