import { act, render, screen, waitFor } from '@testing-library/react';
import { seedSession } from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import { de } from '@thryve-connect/react/messages/de';
import { fr } from '@thryve-connect/react/messages/fr';
import { buildSession, createFakeFetcher } from '@thryve-connect/react/testing';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

const translations = { fr, de };

function speaks(languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('locale="auto"', () => {
  it("takes the browser's language: fr-CA gives French texts and asks for a French widget", async () => {
    speaks(['fr-CA', 'en']);
    const backend = createFakeFetcher();
    render(
      <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher} locale="auto" messages={translations}>
        <ThryveConnectionWidget />
        <DataSourcePicker include={[1]} />
      </ThryveConnectProvider>,
    );
    expect(await screen.findByRole('button', { name: /Fitbit/, description: undefined })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('iframe')?.src).toContain('lang=fr'));
    expect(screen.getAllByText('Connecter').length).toBeGreaterThan(0);
    expect(backend.calls.filter((call) => call.route === 'session').map((call) => call.locale)).toEqual([
      'fr',
    ]);
  });

  it('falls back to English for a language Thryve does not offer', async () => {
    speaks(['zh-CN']);
    const backend = createFakeFetcher();
    render(
      <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher} locale="auto">
        <ThryveConnectionWidget />
      </ThryveConnectProvider>,
    );
    await waitFor(() => expect(document.querySelector('iframe')?.src).toContain('lang=en'));
  });

  it("keeps the server seed's locale, so hydration matches the server's HTML", async () => {
    speaks(['fr-CA']);
    const session = seedSession(buildSession({ locale: 'de' }), { userKey: 'user-1', locale: 'de' });
    const backend = createFakeFetcher();
    const page = (
      <ThryveConnectProvider
        userKey="user-1"
        fetcher={backend.fetcher}
        locale="auto"
        messages={translations}
        initialSession={session}
      >
        <ThryveConnectionWidget />
      </ThryveConnectProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    await act(async () => {
      hydrateRoot(container, page);
    });
    expect(container.querySelector('iframe')?.src).toBe(session.url);
    expect(errors).not.toHaveBeenCalled();
    expect(backend.calls).toEqual([]);
  });
});
