/**
 * The three Thryve hosts the library talks to. Each is an origin (optionally with a base path),
 * configurable for Thryve's QA environment or the local sandbox.
 */
export interface ThryveHosts {
  /** REST API, server to server only (holds the secrets). */
  api: string;
  /** Hosted Connection Widget, shown in an iframe. */
  widget: string;
  /** Direct connect / revoke / result pages. */
  direct: string;
}

/** Thryve's production hosts: the default everywhere except the sandbox. */
export const DEFAULT_THRYVE_HOSTS: Readonly<ThryveHosts> = /* @__PURE__ */ Object.freeze({
  api: 'https://api.thryve.de',
  widget: 'https://connect.thryve.de',
  direct: 'https://service2.und-gesund.de',
});

/**
 * The hosts to use: each one given, else Thryve's production default. The one place a partial
 * `hosts` option is merged with the defaults; a host given as `undefined` keeps its default.
 */
export function resolveHosts(
  partial?: { readonly [K in keyof ThryveHosts]?: string | undefined } | undefined,
): ThryveHosts {
  return {
    api: partial?.api ?? DEFAULT_THRYVE_HOSTS.api,
    widget: partial?.widget ?? DEFAULT_THRYVE_HOSTS.widget,
    direct: partial?.direct ?? DEFAULT_THRYVE_HOSTS.direct,
  };
}
