import type { ThryveMessages } from '../pickerMessages.js';

// "Підключено: Fitbit.": the brand name's gender is unknown, so the verb does not agree with it.

/**
 * Every text of the widget and the picker in Ukrainian. Pass it to the provider:
 * `<ThryveConnectProvider locale="uk" messages={{ uk }}>`.
 */
export const uk: ThryveMessages = {
  widgetTitle: 'Підключіть джерела даних про здоров’я',
  widgetLoading: 'Завантаження віджета підключення…',
  widgetReady: 'Віджет підключення готовий.',
  widgetExpired: 'Сеанс завершився. Оновіть, щоб продовжити.',
  reload: 'Оновити',
  retry: 'Повторити',
  consentAccept: 'Погодитися й продовжити',
  consentLink: 'Прочитати повідомлення про конфіденційність',
  errors: {
    signedOut: 'Ви вийшли з акаунта. Увійдіть, щоб продовжити.',
    forbidden: 'Ви не можете підключати джерела даних.',
    offline: 'Служба підключення не відповідає. Перевірте інтернет і спробуйте ще раз.',
    unavailable: 'Служба підключення недоступна. Спробуйте пізніше.',
    invalid: 'Служба підключення надіслала некоректну відповідь.',
    default: 'Щось пішло не так. Спробуйте ще раз.',
    rateLimited: (seconds) => `Забагато спроб. Спробуйте ще раз через ${seconds} с.`,
  },
  pickerTitle: 'Джерела даних',
  pickerLoading: 'Завантаження джерел даних…',
  statusConnected: 'Підключено',
  statusDisconnected: 'Не підключено',
  statusConnecting: 'Підключення…',
  statusRevoking: 'Відключення…',
  statusUnknown: 'Статус невідомий',
  unknownSource: (id) => `Джерело даних ${id}`,
  connectShort: 'Підключити',
  disconnectShort: 'Відключити',
  connect: (source) => `Підключити ${source}`,
  disconnect: (source) => `Відключити ${source}`,
  confirmDisconnect: (source) => `Відключити ${source}? Дані більше не передаватимуться.`,
  confirm: 'Відключити',
  cancel: 'Скасувати',
  connected: (source) => `Підключено: ${source}.`,
  disconnected: (source) => `Відключено: ${source}.`,
  connectFailed: (source) => `Не вдалося підключити ${source}.`,
  revokeFailed: (source) => `Не вдалося відключити ${source}.`,
  popupBlocked: (source) => `Браузер заблокував вікно підключення ${source}.`,
  openInThisWindow: 'Продовжити в цьому вікні',
  openLink: (source) => `Відкрити сторінку підключення ${source}`,
  connectedSince: (date) => `Підключено з ${date}`,
  connectedAgo: (relative) => `Підключено ${relative}`,
  searchLabel: 'Пошук джерел даних',
  searchPlaceholder: 'Пошук…',
  searchResults: { one: '# джерело', few: '# джерела', many: '# джерел', other: '# джерела' },
  noResults: (query) => `За запитом «${query}» нічого не знайдено.`,
  clearSearch: 'Очистити пошук',
  consentByConnecting: 'Натискаючи «Підключити», ви приймаєте це повідомлення про конфіденційність.',
  nativeConnectShort: 'Підключити в нашому застосунку',
  nativeConnect: (source) => `Підключити в нашому застосунку: ${source}`,
};
