import { describe, expect, it } from 'vitest';
import { parseWidgetUrl, ThryveConnectError } from '../src/index.js';
import { codeOf } from './support/codeOf.js';

const TOKEN = '1060285265X4247109939067552841';

describe('parseWidgetUrl', () => {
  it.each([
    ['javascript:', `javascript:alert(1)//?connectionSessionToken=${TOKEN}`],
    ['data:', `data:text/html,<script>alert(1)</script>`],
    ['a relative URL', `/?connectionSessionToken=${TOKEN}`],
    ['a protocol-relative URL', `//connect.thryve.de/?connectionSessionToken=${TOKEN}`],
    ['plain http on a public host', `http://connect.thryve.de/?connectionSessionToken=${TOKEN}`],
    ['a non-string', 42],
    ['null', null],
    ['an empty string', ''],
  ])('refuses %s with a typed error', (_name, url) => {
    expect(() => parseWidgetUrl(url)).toThrow(ThryveConnectError);
    expect(['invalid_url', 'insecure_url']).toContain(codeOf(() => parseWidgetUrl(url)));
  });

  it.each([
    ['a foreign origin', `https://evil.example/?connectionSessionToken=${TOKEN}`],
    ['a look-alike subdomain', `https://connect.thryve.de.evil.example/?connectionSessionToken=${TOKEN}`],
    [
      'userinfo pointing elsewhere',
      `https://connect.thryve.de@evil.example/?connectionSessionToken=${TOKEN}`,
    ],
    ['another port', `https://connect.thryve.de:8443/?connectionSessionToken=${TOKEN}`],
    ['the QA host when not allowed', `https://connect.qa.thryve.de/?connectionSessionToken=${TOKEN}`],
  ])('refuses %s as disallowed_origin (or an invalid URL)', (_name, url) => {
    expect(['disallowed_origin', 'invalid_url', 'insecure_url']).toContain(codeOf(() => parseWidgetUrl(url)));
    expect(codeOf(() => parseWidgetUrl(url))).not.toBe('no error');
  });

  it('accepts the QA host and the sandbox on loopback http when they are allowed', () => {
    const qa = parseWidgetUrl(`https://connect.qa.thryve.de/?connectionSessionToken=${TOKEN}`, {
      allowedOrigins: ['https://connect.qa.thryve.de'],
    });
    expect(qa.token).toBe(TOKEN);
    const local = parseWidgetUrl(`http://127.0.0.1:4010/?connectionSessionToken=${TOKEN}&lang=de`, {
      allowedOrigins: ['http://127.0.0.1:4010'],
    });
    expect(local.locale).toBe('de');
  });

  it('refuses a missing, empty or malformed token', () => {
    expect(codeOf(() => parseWidgetUrl('https://connect.thryve.de/?platform=web'))).toBe('missing_token');
    expect(codeOf(() => parseWidgetUrl('https://connect.thryve.de/?connectionSessionToken='))).toBe(
      'missing_token',
    );
    expect(
      codeOf(() => parseWidgetUrl('https://connect.thryve.de/?connectionSessionToken=%3Cscript%3E')),
    ).toBe('invalid_token');
  });

  it('refuses absurd lengths before parsing them', () => {
    const long = `https://connect.thryve.de/?connectionSessionToken=${TOKEN}&pad=${'x'.repeat(10_000)}`;
    expect(codeOf(() => parseWidgetUrl(long))).toBe('invalid_url');
    expect(
      codeOf(() => parseWidgetUrl(`https://connect.thryve.de/?connectionSessionToken=${'1'.repeat(300)}`)),
    ).toBe('invalid_token');
  });

  it('never puts the token into its error messages', () => {
    try {
      parseWidgetUrl(`https://evil.example/?connectionSessionToken=${TOKEN}`);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(TOKEN);
    }
    expect.assertions(1);
  });

  it('leaves an unknown lang undefined instead of guessing', () => {
    expect(
      parseWidgetUrl(`https://connect.thryve.de/?connectionSessionToken=${TOKEN}&lang=xx`).locale,
    ).toBeUndefined();
  });
});
