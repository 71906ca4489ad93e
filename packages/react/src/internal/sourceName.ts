import { type DataSource, getDataSource } from '@thryve-connect/core';
import type { PickerMessages } from '../pickerMessages.js';

/**
 * A source's name as the picker shows it. A source the catalogue does not know carries core's English
 * stand-in ("Data source 48"); it is named in the picker's language instead. A name the host gave it
 * (`overrides`) is kept: only core's own stand-in is replaced.
 */
export function sourceName(source: DataSource, messages: Pick<PickerMessages, 'unknownSource'>): string {
  return !source.known && source.name === getDataSource(source.id).name
    ? messages.unknownSource(source.id)
    : source.name;
}
