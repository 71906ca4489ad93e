import type { ThryveMessages } from '../pickerMessages.js';

// "Подключено: Fitbit.": the brand name's gender is unknown, so the verb does not agree with it.

/**
 * Every text of the widget and the picker in Russian. Pass it to the provider:
 * `<ThryveConnectProvider locale="ru" messages={{ ru }}>`.
 */
export const ru: ThryveMessages = {
  widgetTitle: 'Подключите источники данных о здоровье',
  widgetLoading: 'Загрузка виджета подключения…',
  widgetReady: 'Виджет подключения готов.',
  widgetExpired: 'Сеанс истёк. Обновите, чтобы продолжить.',
  reload: 'Обновить',
  retry: 'Повторить',
  consentAccept: 'Принять и продолжить',
  consentLink: 'Прочитать уведомление о конфиденциальности',
  errors: {
    signedOut: 'Вы вышли из аккаунта. Войдите, чтобы продолжить.',
    forbidden: 'Нет прав на подключение источников данных.',
    offline: 'Сервис подключения не отвечает. Проверьте интернет и повторите попытку.',
    unavailable: 'Сервис подключения недоступен. Попробуйте позже.',
    invalid: 'Сервис подключения прислал некорректный ответ.',
    default: 'Что-то пошло не так. Повторите попытку.',
    rateLimited: (seconds) => `Слишком много попыток. Повторите попытку через ${seconds} с.`,
  },
  pickerTitle: 'Источники данных',
  pickerLoading: 'Загрузка источников данных…',
  statusConnected: 'Подключено',
  statusDisconnected: 'Не подключено',
  statusConnecting: 'Подключение…',
  statusRevoking: 'Отключение…',
  statusUnknown: 'Статус неизвестен',
  unknownSource: (id) => `Источник данных ${id}`,
  connectShort: 'Подключить',
  disconnectShort: 'Отключить',
  connect: (source) => `Подключить ${source}`,
  disconnect: (source) => `Отключить ${source}`,
  confirmDisconnect: (source) => `Отключить ${source}? Данные больше не будут передаваться.`,
  confirm: 'Отключить',
  cancel: 'Отмена',
  connected: (source) => `Подключено: ${source}.`,
  disconnected: (source) => `Отключено: ${source}.`,
  connectFailed: (source) => `Не удалось подключить ${source}.`,
  revokeFailed: (source) => `Не удалось отключить ${source}.`,
  popupBlocked: (source) => `Браузер заблокировал окно подключения ${source}.`,
  openInThisWindow: 'Продолжить в этом окне',
  openLink: (source) => `Открыть страницу подключения ${source}`,
  connectedSince: (date) => `Подключено с ${date}`,
  connectedAgo: (relative) => `Подключено ${relative}`,
  searchLabel: 'Поиск источников данных',
  searchPlaceholder: 'Поиск…',
  searchResults: { one: '# источник', few: '# источника', many: '# источников', other: '# источника' },
  noResults: (query) => `По запросу «${query}» ничего не найдено.`,
  clearSearch: 'Очистить поиск',
  consentByConnecting: 'Нажимая «Подключить», вы принимаете это уведомление о конфиденциальности.',
  nativeConnectShort: 'Подключить в нашем приложении',
  nativeConnect: (source) => `Подключить в нашем приложении: ${source}`,
};
