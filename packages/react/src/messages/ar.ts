import type { ThryveMessages } from '../pickerMessages.js';

// Written in logical order; the browser lays it out right to left (« » and ؟ mirror with the text).

/**
 * Every text of the widget and the picker in Arabic. Pass it to the provider:
 * `<ThryveConnectProvider locale="ar" messages={{ ar }}>`.
 */
export const ar: ThryveMessages = {
  widgetTitle: 'اربط مصادر بياناتك الصحية',
  widgetLoading: 'جارٍ تحميل أداة الربط…',
  widgetReady: 'أداة الربط جاهزة.',
  widgetExpired: 'انتهت صلاحية جلسة الربط هذه. أعد تحميلها للمتابعة.',
  reload: 'إعادة التحميل',
  retry: 'إعادة المحاولة',
  consentAccept: 'موافقة ومتابعة',
  consentLink: 'اقرأ إشعار الخصوصية',
  errors: {
    signedOut: 'لقد سجّلت الخروج. سجّل الدخول مجددًا لربط مصادر بياناتك.',
    forbidden: 'ليس لديك إذن بربط مصادر البيانات.',
    offline: 'تعذّر الوصول إلى خدمة الربط. تحقق من اتصالك بالإنترنت ثم أعد المحاولة.',
    unavailable: 'خدمة الربط غير متاحة حاليًا. أعد المحاولة بعد قليل.',
    invalid: 'أرسلت خدمة الربط ردًا لا يمكن لهذا التطبيق استخدامه.',
    default: 'حدث خطأ ما. أعد المحاولة.',
    rateLimited: (seconds) => `محاولات كثيرة جدًا. أعد المحاولة بعد ${seconds} ث.`,
  },
  pickerTitle: 'مصادر البيانات',
  pickerLoading: 'جارٍ تحميل مصادر البيانات…',
  statusConnected: 'مرتبط',
  statusDisconnected: 'غير مرتبط',
  statusConnecting: 'جارٍ الربط…',
  statusRevoking: 'جارٍ الفصل…',
  statusUnknown: 'الحالة غير معروفة',
  unknownSource: (id) => `مصدر البيانات ${id}`,
  connectShort: 'ربط',
  disconnectShort: 'فصل',
  connect: (source) => `ربط ${source}`,
  disconnect: (source) => `فصل ${source}`,
  confirmDisconnect: (source) => `هل تريد فصل ${source}؟ لن تتم مشاركة بياناته بعد الآن.`,
  confirm: 'فصل',
  cancel: 'إلغاء',
  connected: (source) => `تم ربط ${source}.`,
  disconnected: (source) => `تم فصل ${source}.`,
  connectFailed: (source) => `تعذّر ربط ${source}.`,
  revokeFailed: (source) => `تعذّر فصل ${source}.`,
  popupBlocked: (source) => `حظر متصفحك نافذة ربط ${source}.`,
  openInThisWindow: 'المتابعة في هذه النافذة',
  openLink: (source) => `فتح صفحة ربط ${source}`,
  connectedSince: (date) => `مرتبط منذ ${date}`,
  connectedAgo: (relative) => `تم الربط ${relative}`,
  searchLabel: 'البحث في مصادر البيانات',
  searchPlaceholder: 'بحث…',
  // Arabic counts agree by category: 3–10 take the plural, 11–99 the accusative singular.
  searchResults: {
    zero: '# مصدر',
    one: '# مصدر',
    two: '# مصدران',
    few: '# مصادر',
    many: '# مصدرًا',
    other: '# مصدر',
  },
  noResults: (query) => `لا توجد مصادر بيانات تطابق «${query}».`,
  clearSearch: 'مسح البحث',
  consentByConnecting: 'باختيارك «ربط»، فإنك توافق على إشعار الخصوصية هذا.',
  nativeConnectShort: 'الربط في تطبيقنا',
  nativeConnect: (source) => `الربط في تطبيقنا: ${source}`,
};
