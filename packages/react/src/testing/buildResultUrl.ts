import type { DataSourceId } from '@thryve-connect/core';

/** Input of {@link buildResultUrl}. */
export interface BuildResultUrlOptions {
  /** Where Thryve sends the user back: your `redirectUri`. */
  redirectUri: string;
  token: string;
  dataSource: DataSourceId;
  /** After a connect `true` is success; after a revoke `false` is. */
  connected: boolean;
}

/** The address Thryve sends the user back to: `redirectUri` with `token`, `dataSource`, `connected`. */
export function buildResultUrl(options: BuildResultUrlOptions): string {
  const url = new URL(options.redirectUri);
  url.searchParams.set('token', options.token);
  url.searchParams.set('dataSource', String(options.dataSource));
  url.searchParams.set('connected', String(options.connected));
  return url.href;
}
