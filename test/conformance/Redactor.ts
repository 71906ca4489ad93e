/** What a redacted value was, for its label: `<session token 3>`, `<end-user token 1>`. */
export type SecretKind = 'credential' | 'end-user token' | 'session token' | 'unknown token';

// Query parameters whose values are never sensitive and help a reader (the result of a flow, the page).
const PLAIN_PARAMS = new Set(['dataSource', 'connected', 'direct', 'platform', 'lang', 'locale', 'action']);

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every credential and token the run has met with a label, everywhere the report writes text:
 * URLs, headers, bodies, error messages. Tokens get numbered labels so a reader still sees that two
 * answers carried the same token (same alias → same user) without seeing the token.
 */
export class Redactor {
  readonly #labels = new Map<string, string>();
  readonly #counts = new Map<SecretKind, number>();
  #pattern: RegExp | undefined;

  /** Remembers `value` as a secret of `kind`; returns its label. Values under 4 characters are ignored. */
  add(value: string, kind: SecretKind): string {
    const known = this.#labels.get(value);
    if (known !== undefined) return known;
    if (value.length < 4) return value;
    const count = (this.#counts.get(kind) ?? 0) + 1;
    this.#counts.set(kind, count);
    const label = kind === 'credential' ? '<redacted>' : `<${kind} ${count}>`;
    this.#labels.set(value, label);
    this.#pattern = undefined;
    return label;
  }

  /** The label of a known secret, or `undefined`. */
  labelOf(value: string): string | undefined {
    return this.#labels.get(value);
  }

  /** `text` with every known secret replaced by its label (longest first, so no part of one leaks). */
  text(text: string): string {
    if (this.#labels.size === 0) return text;
    this.#pattern ??= new RegExp(
      [...this.#labels.keys()]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|'),
      'g',
    );
    return text.replace(this.#pattern, (match) => this.#labels.get(match) ?? '<redacted>');
  }

  /**
   * A URL with its query values replaced: known tokens by their label, anything else unknown by
   * `<redacted>`; a few plain parameters (`dataSource`, `connected`, `lang`, …) are kept.
   */
  url(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return this.text(raw);
    }
    const parts: string[] = [];
    for (const [name, value] of url.searchParams) {
      const shown = PLAIN_PARAMS.has(name) ? value : (this.#labels.get(value) ?? '<redacted>');
      parts.push(`${name}=${shown}`);
    }
    return `${url.origin}${this.text(url.pathname)}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
  }

  /** A redirect target: origin and path only, the parameter names kept (a provider's OAuth URL). */
  location(raw: string, base: string): string {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      return '<unparsable>';
    }
    const names = [...new Set(url.searchParams.keys())];
    const plain = names.map((name) =>
      PLAIN_PARAMS.has(name) ? `${name}=${url.searchParams.get(name)}` : `${name}=…`,
    );
    return `${url.origin}${this.text(url.pathname)}${plain.length > 0 ? `?${plain.join('&')}` : ''}`;
  }

  /** Request headers: both Basic-auth headers show as `Basic <redacted>`, everything else redacted as text. */
  headers(headers: HeadersInit | undefined): Record<string, string> {
    const result: Record<string, string> = {};
    // A plain object keeps the names as the client wrote them (Headers would lower-case them).
    const entries =
      headers === undefined
        ? []
        : headers instanceof Headers || Array.isArray(headers)
          ? [...new Headers(headers)]
          : Object.entries(headers);
    for (const [name, value] of entries) {
      result[name] = /authorization$/i.test(name) ? 'Basic <redacted>' : this.text(value);
    }
    return result;
  }
}
