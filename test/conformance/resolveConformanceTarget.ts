/** The app's four Thryve secrets (both Basic-auth pairs). */
export interface ThryveCredentials {
  username: string;
  password: string;
  authId: string;
  authSecret: string;
}

/** A Thryve to run against: its three hosts (no trailing slash) and the app's credentials. */
export interface ThryveTarget {
  hosts: { api: string; widget: string; direct: string };
  credentials: ThryveCredentials;
}

/** Where the suite runs: a real Thryve from the environment, or a sandbox it starts itself. */
export type ConformanceTarget = { kind: 'thryve'; thryve: ThryveTarget } | { kind: 'sandbox' };

/** The seven variables that point the suite at a real Thryve (all or none). */
export const THRYVE_TARGET_ENV = [
  'THRYVE_API_HOST',
  'THRYVE_WIDGET_HOST',
  'THRYVE_DIRECT_HOST',
  'THRYVE_USERNAME',
  'THRYVE_PASSWORD',
  'THRYVE_AUTH_ID',
  'THRYVE_AUTH_SECRET',
] as const;

/** Set by `pnpm test:conformance`: only then do the THRYVE_* variables point the suite at a real Thryve. */
export const LIVE_RUN_ENV = 'THRYVE_CONFORMANCE_RUN';

function host(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL such as https://api.thryve.de, got "${value}".`);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`${name} must be https (http only for localhost), got ${url.protocol}.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`${name} must be a bare host (no credentials, query or fragment).`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Reads the target from the environment. A real Thryve only when `pnpm test:conformance` asked for it
 * ({@link LIVE_RUN_ENV}) and all seven THRYVE_* variables are set: `pnpm test` and CI always run
 * against the sandbox, even on a machine whose shell holds the credentials. `notice` says when
 * variables were ignored; a partial set for a live run is an error naming what is missing.
 */
export function resolveConformanceTarget(env: NodeJS.ProcessEnv): {
  target: ConformanceTarget;
  notice?: string;
} {
  const present = THRYVE_TARGET_ENV.filter((name) => (env[name] ?? '') !== '');
  if (present.length === 0) return { target: { kind: 'sandbox' } };
  if (env[LIVE_RUN_ENV] !== '1') {
    return {
      target: { kind: 'sandbox' },
      notice: `${present.join(', ')} ignored: this run targets the sandbox. Run \`pnpm test:conformance\` to target that Thryve.`,
    };
  }
  const missing = THRYVE_TARGET_ENV.filter((name) => !present.includes(name));
  if (missing.length > 0) {
    throw new Error(`Set all seven THRYVE_* variables or none. Missing: ${missing.join(', ')}.`);
  }
  const get = (name: (typeof THRYVE_TARGET_ENV)[number]): string => env[name] ?? '';
  return {
    target: {
      kind: 'thryve',
      thryve: {
        hosts: {
          api: host('THRYVE_API_HOST', get('THRYVE_API_HOST')),
          widget: host('THRYVE_WIDGET_HOST', get('THRYVE_WIDGET_HOST')),
          direct: host('THRYVE_DIRECT_HOST', get('THRYVE_DIRECT_HOST')),
        },
        credentials: {
          username: get('THRYVE_USERNAME'),
          password: get('THRYVE_PASSWORD'),
          authId: get('THRYVE_AUTH_ID'),
          authSecret: get('THRYVE_AUTH_SECRET'),
        },
      },
    },
  };
}
