import { pickerMessagesEn, type ThryveMessages } from '../pickerMessages.js';
import { widgetMessagesEn } from '../widgetMessages.js';

/**
 * Every text of the widget and the picker in English: the built-in texts, as an entry like the other
 * locales' (`@thryve-connect/react/messages/en`), for apps that pass translations for every locale.
 */
export const en: ThryveMessages = { ...widgetMessagesEn, ...pickerMessagesEn };
