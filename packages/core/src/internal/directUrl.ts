import { IS_DEVELOPMENT } from '#is-development';
import {
  type DataSource,
  type DataSourceId,
  dataSources,
  getDataSource,
  isDataSourceId,
} from '../dataSources.js';
import { resolveHosts, type ThryveHosts } from '../hosts.js';
import { ThryveConnectError } from '../ThryveConnectError.js';
import { describe, hostPrefix, isToken, parseAbsoluteUrl } from './url.js';

export interface DirectUrlInput {
  token: string;
  dataSource: DataSourceId;
  redirectUri?: string | undefined;
  hosts?: Partial<ThryveHosts> | undefined;
  catalogue?: readonly DataSource[] | undefined;
}

/** Checks a data-source id for the direct URLs: a positive integer, and not a native-only source. */
export function assertWebDataSource(
  dataSource: unknown,
  catalogue: readonly DataSource[] = dataSources,
): DataSourceId {
  if (!isDataSourceId(dataSource)) {
    throw new ThryveConnectError(
      'invalid_data_source',
      IS_DEVELOPMENT
        ? `The data source must be a positive integer id (e.g. 1 for Fitbit), got ${describe(dataSource)}.`
        : '',
    );
  }
  const source = getDataSource(dataSource, catalogue);
  if (source.kind === 'native') {
    throw new ThryveConnectError(
      'native_data_source',
      IS_DEVELOPMENT
        ? `${source.name} (${dataSource}) connects only through Thryve's mobile SDKs, not from a web page.`
        : '',
    );
  }
  return dataSource;
}

/**
 * Builds a direct URL exactly in Thryve's documented format: `token`, `dataSource`, then the extra
 * fixed parameters, then `redirect_uri` (URL-encoded) only when given.
 */
export function buildDirectUrl(page: string, extra: string, input: DirectUrlInput): string {
  if (input === null || typeof input !== 'object') {
    throw new ThryveConnectError(
      'invalid_input',
      IS_DEVELOPMENT ? 'Pass an object: { token, dataSource, redirectUri? }.' : '',
    );
  }
  const { token, dataSource, redirectUri, hosts, catalogue } = input;
  if (!isToken(token)) {
    const given: unknown = token;
    throw new ThryveConnectError(
      typeof given === 'string' && given.trim() !== '' ? 'invalid_token' : 'missing_token',
      IS_DEVELOPMENT
        ? 'The session token must be the connectionSessionToken of a widget URL (see parseWidgetUrl).'
        : '',
    );
  }
  const id = assertWebDataSource(dataSource, catalogue);
  const base = hostPrefix(resolveHosts(hosts).direct, 'direct host');
  let url = `${base}/${page}?token=${encodeURIComponent(token)}&dataSource=${id}${extra}`;
  if (redirectUri !== undefined) {
    parseAbsoluteUrl(
      redirectUri,
      'redirect URI',
      false,
      'invalid_redirect_uri',
      IS_DEVELOPMENT
        ? 'Pass a full URL such as https://example.com/devices; the components and the flow functions also ' +
            'take a path ("/devices") and resolve it against the page\'s origin when the user clicks.'
        : '',
    );
    // Encode what the caller gave, not URL's normalisation of it: Thryve matches it against the
    // app's allow-list, so it must arrive exactly as registered.
    url += `&redirect_uri=${encodeURIComponent(redirectUri)}`;
  }
  return url;
}
