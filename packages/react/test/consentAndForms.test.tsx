import { render, screen } from '@testing-library/react';
import { DataSourcePicker, ThryveConnectProvider } from '@thryve-connect/react';
import { createFakeFetcher } from '@thryve-connect/react/testing';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

// A consent must be recorded by onAccept in the click: a form posted before the script runs cannot.

const page = (accepted: boolean) => (
  <ThryveConnectProvider userKey="user-1" fetcher={createFakeFetcher().fetcher}>
    <DataSourcePicker
      include={[1]}
      consent={{ version: '2026-11', text: 'We share your data with Thryve.', onAccept: vi.fn(), accepted }}
    />
  </ThryveConnectProvider>
);

describe('a consent not yet given', () => {
  it('renders Connect without a form, in the server HTML too, so nothing is posted unrecorded', async () => {
    expect(renderToString(page(false))).not.toContain('<form');
    render(page(false));
    expect(await screen.findByRole('button', { name: 'Connect Fitbit' })).toBeTruthy();
    expect(document.querySelector('form')).toBeNull();
  });

  it('once accepted by the host, renders the forms again', () => {
    expect(renderToString(page(true))).toContain('<form');
  });
});
