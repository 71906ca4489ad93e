import { screen, within } from '@testing-library/react';
import { createFakeFetcher } from '@thryve-connect/react/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataSourcePicker } from '../src/index.js';
import { renderWithProvider } from './support/renderWithProvider.js';

// Alone in its file: React reports an unknown tag once per module instance, so a picker with a search
// box rendered earlier in the same file would hide the error this test looks for.

afterEach(() => vi.restoreAllMocks());

describe("the picker's search box", () => {
  it("sits in a search landmark that jsdom, and so a host's own tests, render without a React error", async () => {
    const error = vi.spyOn(console, 'error');
    renderWithProvider(createFakeFetcher().fetcher, <DataSourcePicker search />);
    const landmark = await screen.findByRole('search');
    expect(within(landmark).getByRole('searchbox', { name: 'Search data sources' })).toBeTruthy();
    expect(error).not.toHaveBeenCalled();
  });
});
