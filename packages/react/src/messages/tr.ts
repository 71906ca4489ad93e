import type { ThryveMessages } from '../pickerMessages.js';

// Brand names take no suffix here (Turkish would need an apostrophe and vowel harmony per name).

/**
 * Every text of the widget and the picker in Turkish. Pass it to the provider:
 * `<ThryveConnectProvider locale="tr" messages={{ tr }}>`.
 */
export const tr: ThryveMessages = {
  widgetTitle: 'Sağlık verisi kaynaklarınızı bağlayın',
  widgetLoading: 'Bağlantı bileşeni yükleniyor…',
  widgetReady: 'Bağlantı bileşeni hazır.',
  widgetExpired: 'Bu bağlantı oturumunun süresi doldu. Devam etmek için yeniden yükleyin.',
  reload: 'Yeniden yükle',
  retry: 'Tekrar dene',
  consentAccept: 'Kabul et ve devam et',
  consentLink: 'Gizlilik bildirimini okuyun',
  errors: {
    signedOut: 'Oturumunuz kapalı. Veri kaynaklarınızı bağlamak için tekrar oturum açın.',
    forbidden: 'Veri kaynağı bağlama izniniz yok.',
    offline: 'Bağlantı hizmetine ulaşılamadı. İnternet bağlantınızı kontrol edip tekrar deneyin.',
    unavailable: 'Bağlantı hizmeti şu anda kullanılamıyor. Biraz sonra tekrar deneyin.',
    invalid: 'Bağlantı hizmeti, bu uygulamanın kullanamayacağı bir yanıt gönderdi.',
    default: 'Bir hata oluştu. Tekrar deneyin.',
    rateLimited: (seconds) => `Çok fazla deneme yapıldı. ${seconds} sn sonra tekrar deneyin.`,
  },
  pickerTitle: 'Veri kaynakları',
  pickerLoading: 'Veri kaynakları yükleniyor…',
  statusConnected: 'Bağlı',
  statusDisconnected: 'Bağlı değil',
  statusConnecting: 'Bağlanıyor…',
  statusRevoking: 'Bağlantı kesiliyor…',
  statusUnknown: 'Durum bilinmiyor',
  unknownSource: (id) => `Veri kaynağı ${id}`,
  connectShort: 'Bağla',
  disconnectShort: 'Bağlantıyı kes',
  connect: (source) => `${source} bağla`,
  disconnect: (source) => `Bağlantıyı kes: ${source}`,
  confirmDisconnect: (source) => `${source} bağlantısı kesilsin mi? Verileri artık paylaşılmayacak.`,
  confirm: 'Bağlantıyı kes',
  cancel: 'İptal',
  connected: (source) => `${source} bağlandı.`,
  disconnected: (source) => `${source} bağlantısı kesildi.`,
  connectFailed: (source) => `${source} bağlanamadı.`,
  revokeFailed: (source) => `${source} bağlantısı kesilemedi.`,
  popupBlocked: (source) => `Tarayıcınız ${source} bağlantı penceresini engelledi.`,
  openInThisWindow: 'Bu pencerede devam et',
  openLink: (source) => `${source} bağlantı sayfasını aç`,
  connectedSince: (date) => `${date} tarihinden beri bağlı`,
  connectedAgo: (relative) => `${relative.charAt(0).toLocaleUpperCase('tr')}${relative.slice(1)} bağlandı`,
  searchLabel: 'Veri kaynaklarında ara',
  searchPlaceholder: 'Ara…',
  searchResults: { one: '# kaynak', other: '# kaynak' },
  noResults: (query) => `“${query}” ile eşleşen veri kaynağı yok.`,
  clearSearch: 'Aramayı temizle',
  consentByConnecting: '“Bağla”yı seçerek bu gizlilik bildirimini kabul etmiş olursunuz.',
  nativeConnectShort: 'Uygulamamızda bağla',
  nativeConnect: (source) => `Uygulamamızda bağla: ${source}`,
};
