import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { connectionsQueryKey, type ThryveFetcher } from '@thryve-connect/core';
import { describe, expect, it } from 'vitest';
import { DataSourcePicker, type RenderSourceProps, ThryveConnectProvider } from '../src/index.js';
import { WIDGET_ORIGIN, widgetUrl } from './support/fakeFetcher.js';

describe('DataSourceRow', () => {
  it('re-renders only the row whose status changed', async () => {
    const fetcher: ThryveFetcher = async () => ({ url: widgetUrl() });
    fetcher.getConnections = async () => [];
    const renders = new Map<number, number>();
    // Stable across renders, as a host's module-level render function is.
    const renderSource = ({ source, connection }: RenderSourceProps) => {
      renders.set(source.id, (renders.get(source.id) ?? 0) + 1);
      return (
        <span>
          {source.name}: {connection.status}
        </span>
      );
    };
    const queryClient = new QueryClient();
    render(
      <ThryveConnectProvider
        userKey="user-a"
        fetcher={fetcher}
        allowedWidgetOrigins={[WIDGET_ORIGIN]}
        queryClient={queryClient}
      >
        <DataSourcePicker renderSource={renderSource} />
      </ThryveConnectProvider>,
    );
    await waitFor(() => expect(screen.getByText('Garmin: disconnected')).toBeTruthy());
    // Let the session arrive too, then count from a settled screen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rows = renders.size;
    expect(rows).toBe(16); // every web source of the catalogue
    renders.clear();

    act(() => {
      queryClient.setQueryData(connectionsQueryKey('user-a'), [{ dataSource: 2, connectedAt: null }]);
    });
    await waitFor(() => expect(screen.getByText('Garmin: connected')).toBeTruthy());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...renders.keys()]).toEqual([2]);
  });
});
