/** The body Thryve POSTs when a user connects or disconnects a source. */
export interface SandboxWebhook {
  endUserId: string;
  endUserAlias: string | null;
  type: 'notification.source.connect' | 'notification.source.disconnect';
  data: { timestamp: number; dataSourceId: number };
}

/**
 * POSTs `payload` to `url`, fire-and-forget: a receiver that is down or slow must never break the
 * flow that triggered it (Thryve gives receivers 2 s).
 */
export function sendWebhook(url: string, payload: SandboxWebhook): void {
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(2000),
  })
    .then((response) => response.body?.cancel())
    .catch(() => undefined);
}
