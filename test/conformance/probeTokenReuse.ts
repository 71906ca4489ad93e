import { askPage, type PageAnswer, pageUrl, verdict } from './askPage.js';
import type { FindingSpec } from './ConformanceContext.js';
import { unknownTokenLike } from './unknownTokenLike.js';

/** Requests the reuse probe sends: 3 users, 4 sessions, 8 page GETs. */
export const REUSE_MAX_REQUESTS = 15;

/**
 * Whether a session token survives being used, asked four ways, each on a token nothing else touched
 * (three users of their own, so a newer session cannot end an older one unnoticed):
 * - the direct page asked twice with one token (a custom screen builds several direct URLs from one
 *   session);
 * - the widget page after that token was used on the direct page (the widget and the picker share
 *   one session);
 * - the widget page asked twice with one token (an iframe reload after a load timeout);
 * - the direct page with an older token after a newer session was created for the same user.
 * Each answer is judged against a fresh token's and an unknown token's answers to the same page:
 * when those two look the same over HTTP, the verdict is `unobservable`, never a guess.
 */
export const probeTokenReuse: FindingSpec = {
  id: 'token-reuse',
  kind: 'probe',
  title: 'Does a token survive one use?',
  async run(ctx) {
    const { client } = ctx;
    const reuser = await client.getOrCreateEndUser(ctx.newAlias('reuse'));
    const reloader = await client.getOrCreateEndUser(ctx.newAlias('reload'));
    const superseded = await client.getOrCreateEndUser(ctx.newAlias('newer'));
    const used = await client.createConnectionSession({ endUserId: reuser });
    const reloaded = await client.createConnectionSession({ endUserId: reloader });
    const older = await client.createConnectionSession({ endUserId: superseded });
    await client.createConnectionSession({ endUserId: superseded });

    const template = used.url;
    const unknown = unknownTokenLike(used.token);
    ctx.redactor.add(unknown, 'unknown token');
    const ask = (kind: 'widget' | 'direct', token: string): Promise<PageAnswer> =>
      askPage(ctx, pageUrl(ctx, kind, token, template), token);

    const directUnknown = await ask('direct', unknown);
    const widgetUnknown = await ask('widget', unknown);
    const directFirst = await ask('direct', used.token);
    const directSecond = await ask('direct', used.token);
    const widgetAfterDirectUse = await ask('widget', used.token);
    const widgetFirst = await ask('widget', reloaded.token);
    const widgetSecond = await ask('widget', reloaded.token);
    const directOlder = await ask('direct', older.token);

    const verdicts = {
      directAfterDirect: verdict(directSecond, directFirst, directUnknown),
      widgetAfterDirect: verdict(widgetAfterDirectUse, widgetFirst, widgetUnknown),
      widgetAfterWidget: verdict(widgetSecond, widgetFirst, widgetUnknown),
      olderAfterNewer: verdict(directOlder, directFirst, directUnknown),
    };
    ctx.shared.reuse = verdicts;
    const show = (answer: PageAnswer) => ctx.redactor.text(answer.signature);
    return {
      outcome: 'observed',
      summary:
        `after one direct use: direct page ${verdicts.directAfterDirect}, widget ${verdicts.widgetAfterDirect}; ` +
        `widget asked twice: ${verdicts.widgetAfterWidget}; older token after a newer session: ${verdicts.olderAfterNewer}`,
      observed: {
        ...verdicts,
        answers: {
          direct: {
            fresh: show(directFirst),
            second: show(directSecond),
            unknownToken: show(directUnknown),
            olderToken: show(directOlder),
          },
          widget: {
            fresh: show(widgetFirst),
            second: show(widgetSecond),
            afterDirectUse: show(widgetAfterDirectUse),
            unknownToken: show(widgetUnknown),
          },
        },
        note: 'A page GET without following redirects is what is observed; a token the widget only checks in its own scripts looks the same as an unknown one (unobservable).',
      },
    };
  },
};
