import type { DirectUrlOptions } from './buildConnectUrl.js';
import { buildDirectUrl } from './internal/directUrl.js';

/**
 * Thryve's direct revoke URL:
 * `https://service2.und-gesund.de/dataSourceDirectRevoke.html?token=…&dataSource=…&direct=true&redirect_uri=…`.
 * A background GET of it is enough to revoke; no user interaction is needed.
 */
export function buildRevokeUrl(options: DirectUrlOptions): string {
  return buildDirectUrl('dataSourceDirectRevoke.html', '&direct=true', options);
}
