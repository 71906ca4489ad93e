import { randomBytes } from 'node:crypto';
import { isLocale, type Locale } from '@thryve-connect/core';
import { isThryveApiError } from '@thryve-connect/server';
import { askPage, pageUrl } from './askPage.js';
import type { ConformanceContext, FindingSpec } from './ConformanceContext.js';
import type { RecordedExchange } from './ConformanceReport.js';
import { describeToken } from './describeToken.js';
import { unknownTokenLike } from './unknownTokenLike.js';

/** A refusal as the checks record it: the client's error and Thryve's answer behind it. */
interface Refusal {
  refused: boolean;
  status: number | undefined;
  /** Recorded, not asserted: the error vocabulary is being aligned with core's. */
  code: string | undefined;
  message: string;
  answer: RecordedExchange['response'] | undefined;
}

/** Awaits a call that should be refused, and records how it was (or that it was not). */
async function refusal(
  ctx: ConformanceContext,
  label: string,
  call: () => Promise<unknown>,
): Promise<Refusal> {
  const before = ctx.recorder.count(label);
  try {
    await call();
    return { refused: false, status: undefined, code: undefined, message: 'accepted', answer: undefined };
  } catch (error) {
    const sent = ctx.recorder.count(label) > before;
    const answer = sent ? ctx.recorder.last(label)?.exchange.response : undefined;
    if (!isThryveApiError(error)) throw error;
    return {
      refused: true,
      status: error.status,
      code: error.code,
      message: ctx.redactor.text(error.message),
      answer,
    };
  }
}

const is4xx = (status: number | undefined): boolean => status !== undefined && status >= 400 && status < 500;

function mainUser(ctx: ConformanceContext): string {
  if (ctx.shared.endUserId === undefined) throw new Error('needs the end user of the access-token check');
  return ctx.shared.endUserId;
}

// Real languages outside Thryve's 28: the client must refuse them before sending, Thryve after.
const LOCALE_OUTSIDE = 'zh';

/** The locales asked for: none (Thryve's default), English, German, a right-to-left and a CJK one. */
const SESSION_LOCALES: ReadonlyArray<Locale | undefined> = [undefined, 'en', 'de', 'ar', 'ja'];

/**
 * The checks: each sends what the packages send (through `createThryveClient` where it has a method)
 * and passes when Thryve answers as `docs/thryve-contract.md` says. Against a real Thryve a failure
 * is a finding: our reading of the contract is wrong there.
 */
export const CONTRACT_CHECKS: readonly FindingSpec[] = [
  {
    id: 'access-token',
    kind: 'check',
    title: 'POST /v5/accessToken: one user per alias',
    expected: 'the same alias gives the same end-user token; another alias another token; plain text',
    async run(ctx) {
      const alias = ctx.newAlias('user');
      const first = await ctx.client.getOrCreateEndUser(alias);
      const answer = ctx.recorder.last('access-token')?.exchange.response;
      const again = await ctx.client.getOrCreateEndUser(alias);
      const other = await ctx.client.getOrCreateEndUser(ctx.newAlias('other'));
      ctx.shared.endUserId = first;
      ctx.shared.alias = alias;
      const same = first === again;
      const distinct = other !== first;
      return {
        outcome: same && distinct ? 'pass' : 'fail',
        summary: `same alias → ${same ? 'same' : 'ANOTHER'} token; other alias → ${distinct ? 'another' : 'THE SAME'} token; token ${describeToken(first)}, ${answer?.contentType ?? 'no content type'}`,
        observed: {
          sameAliasSameToken: same,
          otherAliasOtherToken: distinct,
          token: describeToken(first),
          contentType: answer?.contentType ?? null,
          body: answer?.body,
        },
      };
    },
  },
  {
    id: 'widget-session',
    kind: 'check',
    title: 'POST /widget/v6/connection: session shape per locale',
    expected:
      '200 {"type":"enduser.widget.connection","data":{"url"}} with a URL on the widget host whose connectionSessionToken core accepts, for no locale and en, de, ar, ja',
    async run(ctx) {
      const endUserId = mainUser(ctx);
      const sessions = [];
      const tokens = new Set<string>();
      let typesOk = true;
      for (const locale of SESSION_LOCALES) {
        const session = await ctx.client.createConnectionSession({ endUserId, locale });
        const last = ctx.recorder.last('widget-session');
        let type: unknown;
        try {
          type = (JSON.parse(last?.text ?? '{}') as { type?: unknown }).type;
        } catch {
          type = undefined;
        }
        if (type !== 'enduser.widget.connection') typesOk = false;
        tokens.add(session.token);
        const url = new URL(session.url);
        sessions.push({
          locale: locale ?? '(none)',
          type: typeof type === 'string' ? type : null,
          origin: url.origin,
          path: url.pathname,
          params: [...url.searchParams.keys()],
          lang: url.searchParams.get('lang'),
          token: describeToken(session.token),
          expiresAt: session.expiresAt ?? null,
          body: last?.exchange.response?.body.skeleton,
        });
      }
      const echoed = sessions.filter((s) => s.locale === '(none)' || s.lang === s.locale).length;
      const withExpiry = sessions.filter((s) => s.expiresAt !== null).length;
      return {
        outcome: typesOk ? 'pass' : 'fail',
        summary: `${sessions.length} sessions (none, ${SESSION_LOCALES.filter(Boolean).join(', ')}); type ${typesOk ? 'ok' : 'WRONG'}; lang echoed ${echoed}/${sessions.length}; ${tokens.size} distinct tokens ${describeToken([...tokens][0] ?? '')}; expiresAt in ${withExpiry}/${sessions.length}`,
        observed: { sessions, distinctTokens: tokens.size, langEchoed: echoed, withExpiresAt: withExpiry },
      };
    },
  },
  {
    id: 'widget-locale-refused',
    kind: 'check',
    title: `A locale outside the 28 ("${LOCALE_OUTSIDE}") is refused`,
    expected: `the client refuses "${LOCALE_OUTSIDE}" before sending; Thryve answers it with a 4xx`,
    async run(ctx) {
      const endUserId = mainUser(ctx);
      if (isLocale(LOCALE_OUTSIDE)) throw new Error(`"${LOCALE_OUTSIDE}" became one of the 28: pick another`);
      const before = ctx.recorder.count('widget-locale-refused');
      const local = await refusal(ctx, 'widget-locale-refused', () =>
        ctx.client.createConnectionSession({ endUserId, locale: LOCALE_OUTSIDE as Locale }),
      );
      const sentByClient = ctx.recorder.count('widget-locale-refused') > before;
      // The client has no way to send it, so this one request is built by hand, with the same headers.
      const { username, password, authId, authSecret } = ctx.thryve.credentials;
      const basic = (user: string, secret: string) =>
        `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
      const response = await ctx.recorder.fetch(`${ctx.thryve.hosts.api}/widget/v6/connection`, {
        method: 'POST',
        headers: {
          Authorization: basic(username, password),
          AppAuthorization: basic(authId, authSecret),
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify({ endUserId, locale: LOCALE_OUTSIDE }),
        redirect: 'error',
        signal: AbortSignal.timeout(ctx.bounds.requestTimeoutMs),
      });
      await response.text();
      const answer = ctx.recorder.last('widget-locale-refused')?.exchange.response;
      const clientRefused = local.refused && !sentByClient && local.status === undefined;
      const pass = clientRefused && is4xx(response.status);
      return {
        outcome: pass ? 'pass' : 'fail',
        summary: `client: ${clientRefused ? 'refused before sending' : 'SENT IT'}; Thryve: HTTP ${response.status} ${answer?.body.kind ?? ''}`,
        observed: {
          client: { refusedBeforeSending: clientRefused, code: local.code },
          thryve: { status: response.status, contentType: answer?.contentType ?? null, body: answer?.body },
        },
      };
    },
  },
  {
    id: 'user-information',
    kind: 'check',
    title: 'POST /v5/userInformation: shape for a new user',
    expected: 'a JSON array with one item per user; a new user has no connected sources',
    async run(ctx) {
      const sources = await ctx.client.getConnectedSources(mainUser(ctx));
      const last = ctx.recorder.last('user-information');
      let items: unknown;
      try {
        items = JSON.parse(last?.text ?? 'null');
      } catch {
        items = undefined;
      }
      const isArray = Array.isArray(items);
      const first: unknown = isArray ? (items as unknown[])[0] : undefined;
      const keys = first !== null && typeof first === 'object' ? Object.keys(first) : [];
      const pass = isArray && sources.length === 0;
      return {
        outcome: pass ? 'pass' : 'fail',
        summary: `${isArray ? `array of ${(items as unknown[]).length}` : 'NOT an array'}; item keys: ${keys.join(', ') || '(none)'}; ${sources.length} connected`,
        observed: {
          isArray,
          connected: sources.length,
          itemKeys: keys,
          body: last?.exchange.response?.body.skeleton,
        },
      };
    },
  },
  {
    id: 'direct-connect-page',
    kind: 'check',
    title: 'The direct connection page answers a fresh token',
    expected:
      'GET dataSourceDirectConnection.html?token=…&dataSource=1 answers (2xx page or 3xx on to the provider)',
    async run(ctx) {
      const session = await ctx.client.createConnectionSession({ endUserId: mainUser(ctx) });
      const fresh = await askPage(ctx, pageUrl(ctx, 'direct', session.token, session.url), session.token);
      const freshAnswer = ctx.recorder.last('direct-connect-page')?.exchange.response;
      const unknown = unknownTokenLike(session.token);
      ctx.redactor.add(unknown, 'unknown token');
      const refused = await askPage(ctx, pageUrl(ctx, 'direct', unknown, session.url), unknown);
      const unknownAnswer = ctx.recorder.last('direct-connect-page')?.exchange.response;
      const pass = fresh.status < 400;
      return {
        outcome: pass ? 'pass' : 'fail',
        summary: `fresh token: ${ctx.redactor.text(fresh.signature)}; unknown token: ${ctx.redactor.text(refused.signature)}`,
        observed: {
          fresh: { signature: ctx.redactor.text(fresh.signature), answer: freshAnswer },
          unknownToken: { signature: ctx.redactor.text(refused.signature), answer: unknownAnswer },
          distinguishable: fresh.signature !== refused.signature,
        },
      };
    },
  },
  {
    id: 'revoke',
    kind: 'check',
    title: 'The direct revoke request answers (server-side revoke)',
    expected:
      'client.revokeDataSource GETs dataSourceDirectRevoke.html for a fresh token and Thryve answers without connected=true',
    async run(ctx) {
      // Fitbit was never connected for this user: the revoke changes nothing in the account.
      const refused = await refusal(ctx, 'revoke', () =>
        ctx.client.revokeDataSource({ endUserId: mainUser(ctx), dataSource: 1 }),
      );
      const last = ctx.recorder.last('revoke')?.exchange;
      const answer = last?.response;
      // Where the GET ended (redirects followed): the result parameters, the token as its label.
      const ended = answer?.finalUrl ? new URL(answer.finalUrl).searchParams : undefined;
      const sent = last ? new URL(last.url).searchParams : undefined;
      const resultParams = ended && {
        connected: ended.get('connected'),
        dataSource: ended.get('dataSource'),
        sameToken: ended.get('token') !== null && ended.get('token') === sent?.get('token'),
      };
      return {
        outcome: refused.refused ? 'fail' : 'pass',
        summary: refused.refused
          ? `REFUSED: HTTP ${refused.status ?? '-'} (${refused.code}) ${refused.message}`
          : `HTTP ${answer?.status} ${answer?.body.kind ?? ''}${answer?.body.title ? ` "${answer.body.title}"` : ''}${answer?.finalUrl ? ` after redirects to ${answer.finalUrl}` : ''}`,
        observed: {
          answer,
          resultParams: resultParams ?? null,
          ...(refused.refused ? { error: { status: refused.status, code: refused.code } } : {}),
        },
      };
    },
  },
  {
    id: 'wrong-credentials',
    kind: 'check',
    title: 'Wrong credentials are refused',
    expected: '401 for a wrong Authorization pair and for a wrong AppAuthorization pair',
    async run(ctx) {
      const alias = ctx.shared.alias;
      if (alias === undefined) throw new Error('needs the alias of the access-token check');
      const real = ctx.thryve.credentials;
      // Made-up identities, not the real user with a wrong password: no lock-out of a real account.
      const made = (name: string) => {
        const value = `tc-conformance-wrong-${name}-${randomBytes(6).toString('hex')}`;
        ctx.redactor.add(value, 'credential');
        return value;
      };
      ctx.recorder.note(
        'the next two requests carry a made-up Authorization pair, then a made-up AppAuthorization pair',
      );
      const user = await refusal(ctx, 'wrong-credentials', () =>
        ctx
          .clientWith({ ...real, username: made('username'), password: made('password') })
          .getOrCreateEndUser(alias),
      );
      const app = await refusal(ctx, 'wrong-credentials', () =>
        ctx
          .clientWith({ ...real, authId: made('auth-id'), authSecret: made('auth-secret') })
          .getOrCreateEndUser(alias),
      );
      const pass = user.status === 401 && app.status === 401;
      const show = (r: Refusal) =>
        r.refused ? `HTTP ${r.status ?? '-'} ${r.answer?.body.kind ?? ''} (${r.code})` : 'ACCEPTED';
      return {
        outcome: pass ? 'pass' : 'fail',
        summary: `wrong Authorization: ${show(user)}; wrong AppAuthorization: ${show(app)}`,
        observed: {
          wrongAuthorization: { status: user.status, code: user.code, answer: user.answer },
          wrongAppAuthorization: { status: app.status, code: app.code, answer: app.answer },
        },
      };
    },
  },
  {
    id: 'unknown-user',
    kind: 'check',
    title: 'An unknown end user is refused',
    expected: 'userInformation answers 403 for an unknown end-user token; the widget session endpoint a 4xx',
    async run(ctx) {
      const unknown = unknownTokenLike(mainUser(ctx));
      ctx.redactor.add(unknown, 'unknown token');
      const info = await refusal(ctx, 'unknown-user', () => ctx.client.getConnectedSources(unknown));
      const session = await refusal(ctx, 'unknown-user', () =>
        ctx.client.createConnectionSession({ endUserId: unknown }),
      );
      const pass = info.status === 403 && is4xx(session.status);
      const show = (r: Refusal) =>
        r.refused ? `HTTP ${r.status ?? '-'} ${r.answer?.body.kind ?? ''} (${r.code})` : 'ACCEPTED';
      return {
        outcome: pass ? 'pass' : 'fail',
        summary: `userInformation: ${show(info)}; widget session: ${show(session)}`,
        observed: {
          userInformation: { status: info.status, code: info.code, answer: info.answer },
          widgetSession: { status: session.status, code: session.code, answer: session.answer },
        },
      };
    },
  },
];
