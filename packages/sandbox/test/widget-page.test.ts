import { describe, expect, it } from 'vitest';
import { WEB_DATA_SOURCES } from '../src/index.js';
import { createSession, delay, get, useSandbox } from './helpers.js';

const widgetPath = (widgetUrl: string): string => {
  const url = new URL(widgetUrl);
  return `${url.pathname}${url.search}`;
};

describe('GET / (the Connection Widget)', () => {
  const sandbox = useSandbox();

  it('lists every web source with the user status, in English by default', async () => {
    const { widgetUrl, endUserId } = await createSession(sandbox());
    sandbox().connect({ endUserId }, 11);
    const response = await get(sandbox(), widgetPath(widgetUrl));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Connect your data sources</h1>');
    for (const source of WEB_DATA_SOURCES) expect(html).toContain(source.name);
    expect(html).not.toContain('Apple Health');
    expect(html).not.toContain('ShenAI');
    expect(html).toMatch(/Strava<\/span>\s*<span class="status connected"[^>]*>Connected</);
    expect(html).toMatch(/Fitbit<\/span>\s*<span class="status"[^>]*>Not connected</);
    expect(html).toContain('>Disconnect Strava</button>');
    expect(html).toContain('>Connect Fitbit</button>');
  });

  it('speaks German when the session locale is de', async () => {
    const { widgetUrl } = await createSession(sandbox(), { locale: 'de' });
    const html = await (await get(sandbox(), widgetPath(widgetUrl))).text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Datenquellen verbinden');
    expect(html).toContain('Nicht verbunden');
    expect(html).toContain('>Fitbit verbinden</button>');
  });

  it('falls back to English for a locale without a translation', async () => {
    const { widgetUrl } = await createSession(sandbox(), { locale: 'ja' });
    const html = await (await get(sandbox(), widgetPath(widgetUrl))).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Connect your data sources');
  });

  it('can be framed by another origin and is never cached', async () => {
    const { widgetUrl } = await createSession(sandbox());
    const response = await get(sandbox(), widgetPath(widgetUrl));
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('content-security-policy') ?? '').not.toContain('frame-ancestors');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('connects through the consent page and comes back to itself', async () => {
    const { widgetUrl, token, endUserId } = await createSession(sandbox());
    const html = await (await get(sandbox(), widgetPath(widgetUrl))).text();
    // The Connect form for Fitbit is a GET to the consent page with the widget URL as redirect_uri.
    const form =
      /<form method="get" action="\/dataSourceDirectConnection\.html">(.*?)<\/form>/s.exec(html)?.[1] ?? '';
    const fields = new URLSearchParams(
      [...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1] ?? '',
        (m[2] ?? '').replace(/&amp;/g, '&'),
      ]),
    );
    expect(fields.get('token')).toBe(token);
    expect(fields.get('dataSource')).toBe('1');
    const consent = await get(sandbox(), `/dataSourceDirectConnection.html?${fields}`);
    expect(consent.status).toBe(200);
    const allow = await fetch(`${sandbox().url}/__consent?${fields}&decision=allow`, { redirect: 'manual' });
    expect(allow.status).toBe(302);
    const back = new URL(allow.headers.get('location') ?? '');
    expect(back.origin).toBe(sandbox().url);
    expect(back.searchParams.get('connectionSessionToken')).toBe(token);
    expect(back.searchParams.get('connected')).toBe('true');
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(true);
    const after = await (await get(sandbox(), `${back.pathname}${back.search}`)).text();
    expect(after).toContain('<p role="status">Fitbit connected.</p>');
    expect(after).toContain('>Disconnect Fitbit</button>');
  });

  it('answers 400 with an expired-session page for an unknown token', async () => {
    const response = await get(
      sandbox(),
      '/?connectionSessionToken=1234567890X1234567890123456789&platform=web&lang=en',
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('expired');
  });

  it('answers 400 when the token is missing', async () => {
    const response = await get(sandbox(), '/');
    expect(response.status).toBe(400);
  });
});

describe('widget session expiry', () => {
  const sandbox = useSandbox({ sessionTtlMs: 50 });

  it('refuses the widget page once the session TTL has passed', async () => {
    const { widgetUrl } = await createSession(sandbox());
    expect((await get(sandbox(), widgetPath(widgetUrl))).status).toBe(200);
    await delay(80);
    const response = await get(sandbox(), widgetPath(widgetUrl));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This session has expired');
    expect(sandbox().state.sessions).toBe(0);
  });
});
