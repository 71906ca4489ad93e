import {
  type ConnectionsSeed,
  isSeedFor,
  type Locale,
  type SessionSeed,
  type ThryveConnect,
  type ThryveConnectError,
  type ThryveUser,
  toConnectionSession,
} from '@thryve-connect/core';

/**
 * Development-only console messages for what the app's developer has to fix. Reached only through
 * `#is-development`: production builds get no-op stand-ins and none of these texts, and their users
 * see the components' short translated texts alone.
 */

const reported = new WeakSet<object>();

/**
 * Logs an error whose cause is the app's setup (its `message` names it: the rejected widget origin
 * and the allow-list, a redirectUri that cannot be used, a route answering HTML), once per error:
 * every component showing the same failure logs it once.
 */
export function warnConfigurationError(error: ThryveConnectError | undefined): void {
  if (!error?.causedBySetup || reported.has(error)) return;
  reported.add(error);
  console.warn(`[thryve-connect] ${error.message}`);
}

const warnedSeeds = new WeakMap<ThryveConnect, Set<string>>();

function warnSeedOnce(client: ThryveConnect, reason: string, text: string): void {
  const warned = warnedSeeds.get(client) ?? new Set<string>();
  warnedSeeds.set(client, warned);
  if (warned.has(reason)) return;
  warned.add(reason);
  console.warn(`[thryve-connect] ${text}`);
}

/**
 * Says why a server-handed seed the cache did not have was not taken, once per reason and controller:
 * untagged, fetched for another user or in another locale, or unusable here (its widget origin is not
 * allowed, it expires, a list that is not one).
 */
export function explainDroppedSeeds(
  user: ThryveUser,
  prop: 'initialSession' | 'initialConnections',
  seed: SessionSeed | ConnectionsSeed,
  locale: Locale,
): void {
  const { thryve: client, userKey } = user;
  if (seed === null || typeof seed !== 'object' || !('seededFor' in seed)) {
    warnSeedOnce(
      client,
      'untagged',
      `A server-handed ${prop} without \`seededFor\` was ignored: nobody can tell whose it is. ` +
        "Fetch it with the server package's prefetch(endUser, { userKey, locale }), or tag it with " +
        'seedSession / seedConnections from @thryve-connect/core.',
    );
  } else if (!isSeedFor(seed, userKey)) {
    warnSeedOnce(
      client,
      'user',
      `The server-handed ${prop} was fetched for another user than the provider's userKey, so it is not ` +
        'shown and the components fetch their own. Expected right after a sign-in changed without a reload; ' +
        'otherwise pass prefetch the same userKey as the provider.',
    );
  } else if (prop === 'initialSession' && !isSeedFor(seed, userKey, locale)) {
    warnSeedOnce(
      client,
      'locale',
      `The server-handed initialSession was fetched in "${seed.seededFor.locale}", the provider shows "${locale}": ` +
        'a widget in another language is not shown, and a session is fetched in this one. Pass prefetch the ' +
        "provider's locale.",
    );
  } else {
    let why: string;
    try {
      if (prop !== 'initialSession') throw new Error('not a list of { dataSource, connectedAt? }');
      toConnectionSession(seed, { allowedOrigins: client.allowedWidgetOrigins, locale });
      why = 'it expires too soon to be shown (check the server clock and expiresAt, epoch milliseconds).';
    } catch (error) {
      why = (error as Error).message;
    }
    warnSeedOnce(client, `unusable ${prop}`, `The server-handed ${prop} cannot be used here: ${why}`);
  }
}
