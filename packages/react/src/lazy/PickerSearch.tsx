'use client';
import { useEffect, useRef } from 'react';
import { formatPlural } from '../internal/formatPlural.js';
import { searchKey } from '../internal/searchKey.js';
import type { PickerMessages } from '../pickerMessages.js';

/** The sources whose name (as shown) contains the query, without case or accents. */
export function filterSources<T>(
  sources: T[],
  query: string,
  locale: string,
  nameOf: (source: T) => string,
): T[] {
  const needle = searchKey(query.trim(), locale);
  return needle ? sources.filter((source) => searchKey(nameOf(source), locale).includes(needle)) : sources;
}

/**
 * The picker's search box, loaded when the picker first offers one: Escape empties it first, the count
 * is announced once the typing settles, and an empty result says so.
 */
export function PickerSearch(props: {
  query: string;
  setQuery: (query: string) => void;
  listId: string;
  messages: PickerMessages;
  locale: string;
  count: number;
  announce: (message: string) => void;
}) {
  const { query, setQuery, messages, locale, count, announce } = props;
  const input = useRef<HTMLInputElement>(null);
  const needle = searchKey(query.trim(), locale);
  useEffect(() => {
    if (!needle) return;
    const timer = setTimeout(() => announce(formatPlural(messages.searchResults, locale, count)), 400);
    return () => clearTimeout(timer);
  }, [needle, count, announce, messages, locale]);
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is unknown to React's jsdom and gives older Safari no landmark. */}
      <div role="search" className="thryve-connect-picker__search">
        <input
          ref={input}
          type="search"
          className="thryve-connect-picker__search-input"
          aria-label={messages.searchLabel}
          aria-controls={props.listId}
          placeholder={messages.searchPlaceholder}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Escape empties the box first, as a search field does; only then may it close anything.
            if (event.key === 'Escape' && query) {
              event.preventDefault();
              event.stopPropagation();
              setQuery('');
            }
          }}
        />
        {query && (
          <button
            type="button"
            className="thryve-connect-picker__clear"
            aria-label={messages.clearSearch}
            onClick={() => {
              setQuery('');
              input.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {needle && count === 0 && (
        <p className="thryve-connect-picker__empty">{messages.noResults(query.trim())}</p>
      )}
    </>
  );
}
