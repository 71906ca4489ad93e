import type { BodyShape } from './ConformanceReport.js';
import type { Redactor } from './Redactor.js';

const SAMPLE_CHARS = 300;

/** A JSON value's skeleton: keys kept, values replaced by their type (`"string(32)"`). */
export function jsonSkeleton(value: unknown, depth = 0): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (depth > 5) return `array(${value.length})`;
    return value.length === 0
      ? []
      : [jsonSkeleton(value[0], depth + 1), ...(value.length > 1 ? [`…${value.length} items`] : [])];
  }
  if (typeof value === 'object') {
    if (depth > 5) return 'object';
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        jsonSkeleton(item, depth + 1),
      ]),
    );
  }
  if (typeof value === 'string') return `string(${value.length})`;
  return typeof value;
}

/** The `<title>` of an HTML page, trimmed, or `undefined`. */
export function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  return match?.[1]?.replace(/\s+/g, ' ').trim();
}

/**
 * What a response body looks like, for the report: its kind, length, JSON skeleton or HTML title, and
 * a short sample with every known secret replaced. Error answers are what a reader most wants to see,
 * so their sample is kept; a token answer's sample only ever shows the token's label.
 */
export function describeBody(contentType: string | null, text: string, redactor: Redactor): BodyShape {
  if (text.length === 0) return { kind: 'empty', length: 0 };
  const sample = redactor.text(text.slice(0, SAMPLE_CHARS * 4)).slice(0, SAMPLE_CHARS);
  const type = (contentType ?? '').toLowerCase();
  const trimmed = text.trim();
  if (type.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { kind: 'json', length: text.length, skeleton: jsonSkeleton(JSON.parse(text)), sample };
    } catch {
      // Announced as JSON but is not: the sample shows what it is.
    }
  }
  if (type.includes('html') || /^<!doctype html|^<html/i.test(trimmed)) {
    const title = htmlTitle(text);
    return title === undefined
      ? { kind: 'html', length: text.length }
      : { kind: 'html', length: text.length, title: redactor.text(title) };
  }
  return { kind: 'text', length: text.length, sample };
}
