import { askPage, type PageAnswer, type PageKind, pageUrl } from './askPage.js';
import type { FindingSpec } from './ConformanceContext.js';
import { formatMs } from './formatMs.js';
import { unknownTokenLike } from './unknownTokenLike.js';

/** A session with the clock readings around its creation: its true birth lies between them. */
interface TimedSession {
  token: string;
  url: string;
  sentAt: number;
  receivedAt: number;
}

/** What one page said about the token's age. */
interface Column {
  kind: PageKind;
  fresh: PageAnswer;
  unknown: PageAnswer;
  observable: boolean;
  /** The token was accepted at an age of at least this (ms): the lifetime is longer. */
  acceptedAtMs: number;
  /** The token was refused at an age of at most this (ms): the lifetime is at most this. */
  refusedByMs: number | undefined;
  refusedSignature: string | undefined;
  asks: Array<{ session: 'first' | 'second'; ageMs: number; accepted: boolean }>;
}

/** The ages (ms) at which the first token is asked: doubling from `firstMs`, ending on `ceilingMs`. */
export function lifetimeCheckpoints(firstMs: number, ceilingMs: number): number[] {
  const points: number[] = [];
  for (let at = firstMs; at < ceilingMs; at *= 2) points.push(at);
  points.push(ceilingMs);
  return points;
}

/** The most requests the lifetime probe sends for `checkpoints` and `refineSteps`, both pages asked. */
export function lifetimeMaxRequests(checkpoints: number, refineSteps: number): number {
  // user + first session, fresh and unknown baselines, every checkpoint, second session, narrowing,
  // the alias asked again at the end.
  return 2 + 2 * 2 + 2 * checkpoints + 1 + 2 * Math.max(0, refineSteps - 1) + 1;
}

/**
 * The token's observable lifetime, bounded in time and requests (see `ConformanceBounds.lifetime`):
 * 1. a new user's fresh token is asked on the widget page and the direct page (and an unknown token,
 *    to know what "refused" looks like; a page where both look the same is `unobservable`);
 * 2. the same token is asked again at growing ages (doubling up to the ceiling) until refused;
 * 3. a second token narrows the bracket, asked in `refineSteps` equal steps across it.
 * A page that the reuse probe saw refuse a second ask is not asked repeatedly (its answer would be
 * about use, not age). Ages are conservative: "accepted at" counts from the session's answer to the
 * ask's start, "refused by" from the session's request to the ask's answer, so the true lifetime
 * lies in (acceptedAtMs, refusedByMs] whatever the network did.
 */
export const probeTokenLifetime: FindingSpec = {
  id: 'token-lifetime',
  kind: 'probe',
  title: 'How long does a token live?',
  async run(ctx) {
    const { checkpointsMs, refineSteps, ceilingMs } = ctx.bounds.lifetime;
    const alias = ctx.newAlias('lifetime');
    const userAskedAt = ctx.clock.now();
    const endUserId = await ctx.client.getOrCreateEndUser(alias);
    const mint = async (): Promise<TimedSession> => {
      const sentAt = ctx.clock.now();
      const session = await ctx.client.createConnectionSession({ endUserId });
      return { ...session, sentAt, receivedAt: ctx.clock.now() };
    };
    const kinds: PageKind[] = [];
    const notAsked: Record<string, string> = {};
    const reuse = ctx.shared.reuse;
    if (reuse?.widgetAfterWidget === 'refused')
      notAsked.widget = 'the widget page refused a second ask (token-reuse)';
    else kinds.push('widget');
    if (reuse?.directAfterDirect === 'refused')
      notAsked.direct = 'the direct page refused a second ask (token-reuse)';
    else kinds.push('direct');

    const first = await mint();
    const unknown = unknownTokenLike(first.token);
    ctx.redactor.add(unknown, 'unknown token');
    const columns: Column[] = [];
    for (const kind of kinds) {
      const fresh = await askPage(ctx, pageUrl(ctx, kind, first.token, first.url), first.token);
      const refused = await askPage(ctx, pageUrl(ctx, kind, unknown, first.url), unknown);
      columns.push({
        kind,
        fresh,
        unknown: refused,
        observable: fresh.signature !== refused.signature,
        acceptedAtMs: fresh.sentAt - first.receivedAt,
        refusedByMs: undefined,
        refusedSignature: undefined,
        asks: [],
      });
    }

    const ask = async (column: Column, session: TimedSession, which: 'first' | 'second') => {
      const answer = await askPage(ctx, pageUrl(ctx, column.kind, session.token, session.url), session.token);
      const accepted = answer.signature === column.fresh.signature;
      const atLeast = answer.sentAt - session.receivedAt;
      const atMost = answer.receivedAt - session.sentAt;
      if (accepted) column.acceptedAtMs = Math.max(column.acceptedAtMs, atLeast);
      else {
        column.refusedByMs = Math.min(column.refusedByMs ?? Number.POSITIVE_INFINITY, atMost);
        column.refusedSignature ??= answer.signature;
      }
      column.asks.push({ session: which, ageMs: Math.round(atLeast), accepted });
      return accepted;
    };
    const waitUntilAge = async (session: TimedSession, ageMs: number) => {
      let wait = session.receivedAt + ageMs - ctx.clock.now();
      if (wait <= 0) return;
      ctx.recorder.note(`waits ${formatMs(wait)}, until the token is ${formatMs(ageMs)} old`);
      // A timer may fire a fraction of a millisecond early: ask only once the token is truly that old.
      while (wait > 0) {
        await ctx.clock.sleep(wait);
        wait = session.receivedAt + ageMs - ctx.clock.now();
      }
    };

    // 2. Growing ages, one token, until every observable page refused it or the ceiling is reached.
    for (const ageMs of checkpointsMs) {
      const alive = columns.filter((column) => column.observable && column.refusedByMs === undefined);
      if (alive.length === 0) break;
      await waitUntilAge(first, ageMs);
      for (const column of alive) await ask(column, first, 'first');
    }

    // 3. A second token, asked in equal steps across the bracket the first one left.
    if (ctx.dryRun) {
      ctx.recorder.note(
        `once a page refuses the token: 1 new session, then up to ${refineSteps - 1} asks per page across the bracket`,
      );
    }
    const dead = columns.filter((column) => column.refusedByMs !== undefined);
    if (dead.length > 0 && refineSteps > 1) {
      const from = Math.min(...dead.map((column) => column.acceptedAtMs));
      const to = Math.max(...dead.map((column) => column.refusedByMs ?? 0));
      const step = (to - from) / refineSteps;
      const second = await mint();
      const pending = new Set(dead);
      for (let i = 1; i < refineSteps && pending.size > 0; i += 1) {
        await waitUntilAge(second, from + i * step);
        for (const column of [...pending]) {
          if (!(await ask(column, second, 'second'))) pending.delete(column);
        }
      }
    }

    // The backend proxy caches alias → end user for 10 minutes: the alias must still name the same user.
    const sameUserLater = (await ctx.client.getOrCreateEndUser(alias)) === endUserId;
    const aliasAgeMs = Math.round(ctx.clock.now() - userAskedAt);

    const describe = (column: Column): string => {
      if (!column.observable)
        return `${column.kind}: unobservable (a fresh and an unknown token get the same answer)`;
      if (column.refusedByMs === undefined) {
        return `${column.kind}: still accepted at ${formatMs(column.acceptedAtMs)} (ceiling ${formatMs(ceilingMs)})`;
      }
      return `${column.kind}: accepted at ${formatMs(column.acceptedAtMs)}, refused by ${formatMs(column.refusedByMs)}`;
    };
    const observable = columns.filter((column) => column.observable);
    const refusedBy = observable.flatMap((column) =>
      column.refusedByMs === undefined ? [] : [column.refusedByMs],
    );
    const lifetime: { verdict: string; moreThanMs?: number; atMostMs?: number } =
      observable.length === 0
        ? { verdict: 'unobservable' }
        : {
            verdict: refusedBy.length === 0 ? 'longer than the ceiling' : 'bracketed',
            moreThanMs: Math.round(Math.max(...observable.map((column) => column.acceptedAtMs))),
            ...(refusedBy.length === 0 ? {} : { atMostMs: Math.round(Math.min(...refusedBy)) }),
          };
    const headline =
      lifetime.verdict === 'bracketed'
        ? `lifetime between ${formatMs(lifetime.moreThanMs ?? 0)} and ${formatMs(lifetime.atMostMs ?? 0)}`
        : lifetime.verdict === 'longer than the ceiling'
          ? `lifetime longer than ${formatMs(lifetime.moreThanMs ?? 0)}`
          : 'lifetime not observable over HTTP';
    return {
      outcome: 'observed',
      summary: [
        headline,
        ...columns.map(describe),
        ...Object.entries(notAsked).map(([kind, why]) => `${kind}: not asked, ${why}`),
        `same alias → ${sameUserLater ? 'same' : 'ANOTHER'} user ${formatMs(aliasAgeMs)} later`,
      ].join('; '),
      observed: {
        lifetime,
        pages: Object.fromEntries(
          columns.map((column) => [
            column.kind,
            {
              observable: column.observable,
              acceptedAtMs: Math.round(column.acceptedAtMs),
              refusedByMs: column.refusedByMs === undefined ? null : Math.round(column.refusedByMs),
              freshAnswer: ctx.redactor.text(column.fresh.signature),
              unknownTokenAnswer: ctx.redactor.text(column.unknown.signature),
              refusedAnswer:
                column.refusedSignature === undefined ? null : ctx.redactor.text(column.refusedSignature),
              asks: column.asks,
            },
          ]),
        ),
        notAsked,
        ceilingMs,
        alias: { sameUserLater, afterMs: aliasAgeMs },
      },
    };
  },
};
