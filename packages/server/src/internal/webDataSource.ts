import type { DataSource } from '@thryve-connect/core';

/**
 * Why `value` is not a data source this app can connect or revoke from a web page, or `undefined` when
 * it is one: a positive integer id that the catalogue lists as a web source. Unknown and retired ids
 * (12, 40) are refused — Thryve would answer with an error page — so hosts add new ids to the catalogue.
 */
export function webDataSourceProblem(
  value: unknown,
  catalogue: readonly DataSource[],
): 'invalid_data_source' | 'native_data_source' | undefined {
  // Only ids the catalogue lists match: a string, a fraction or a negative number never does.
  const source = catalogue.find((entry) => entry.id === value);
  if (source === undefined) return 'invalid_data_source';
  return source.kind === 'web' ? undefined : 'native_data_source';
}

/** The message for a {@link webDataSourceProblem}. */
export function webDataSourceMessage(problem: 'invalid_data_source' | 'native_data_source'): string {
  return problem === 'native_data_source'
    ? "That data source connects only through Thryve's mobile SDKs, not from a web page."
    : 'The data source must be the id of a web data source in the catalogue (unknown and retired ids are refused; add new ones with the client\'s "catalogue" option).';
}
