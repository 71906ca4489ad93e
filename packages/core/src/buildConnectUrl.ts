import type { DataSource, DataSourceId } from './dataSources.js';
import type { ThryveHosts } from './hosts.js';
import { buildDirectUrl } from './internal/directUrl.js';

/** Input of {@link buildConnectUrl} and {@link buildRevokeUrl}. */
export interface DirectUrlOptions {
  /** The `connectionSessionToken` from the widget URL. */
  token: string;
  /** A web data source id (native ones are refused). */
  dataSource: DataSourceId;
  /** Where Thryve sends the user back; must be on the app's allow-list at Thryve. Omitted when not given. */
  redirectUri?: string | undefined;
  /** Override Thryve's hosts (QA, sandbox). Only `direct` is used. */
  hosts?: Partial<ThryveHosts> | undefined;
  /** Catalogue used to recognise native sources. */
  catalogue?: readonly DataSource[] | undefined;
}

/**
 * Thryve's direct connect URL:
 * `https://service2.und-gesund.de/dataSourceDirectConnection.html?token=…&dataSource=…&redirect_uri=…`.
 * With a `redirectUri` open it in the same window; without, in a new tab.
 */
export function buildConnectUrl(options: DirectUrlOptions): string {
  return buildDirectUrl('dataSourceDirectConnection.html', '', options);
}
