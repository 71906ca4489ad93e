import type { ThryveMessages } from '../pickerMessages.js';

/**
 * Every text of the widget and the picker in Japanese. Pass it to the provider:
 * `<ThryveConnectProvider locale="ja" messages={{ ja }}>`.
 */
export const ja: ThryveMessages = {
  widgetTitle: '健康データのソースを連携',
  widgetLoading: '連携ウィジェットを読み込んでいます…',
  widgetReady: '連携ウィジェットの準備ができました。',
  widgetExpired: 'セッションの有効期限が切れました。再読み込みしてください。',
  reload: '再読み込み',
  retry: '再試行',
  errors: {
    signedOut: 'ログアウトしました。再度ログインしてください。',
    forbidden: 'データソースを連携する権限がありません。',
    offline: '連携サービスに接続できません。接続を確認して、もう一度お試しください。',
    unavailable: '連携サービスは現在利用できません。しばらくしてからお試しください。',
    invalid: '連携サービスから無効な応答が返されました。',
    default: '問題が発生しました。もう一度お試しください。',
    rateLimited: (seconds) => `試行回数が多すぎます。${seconds} 秒後にもう一度お試しください。`,
  },
  pickerTitle: 'データソース',
  pickerLoading: 'データソースを読み込んでいます…',
  statusConnected: '連携済み',
  statusDisconnected: '未連携',
  statusConnecting: '連携しています…',
  statusRevoking: '連携を解除しています…',
  statusUnknown: 'ステータス不明',
  unknownSource: (id) => `データソース ${id}`,
  connectShort: '連携する',
  disconnectShort: '連携解除',
  connect: (source) => `${source}と連携する`,
  disconnect: (source) => `${source}の連携解除`,
  confirmDisconnect: (source) => `${source}との連携を解除しますか？データは共有されなくなります。`,
  confirm: '解除する',
  cancel: 'キャンセル',
  connected: (source) => `${source}と連携しました。`,
  disconnected: (source) => `${source}との連携を解除しました。`,
  connectFailed: (source) => `${source}と連携できませんでした。`,
  revokeFailed: (source) => `${source}との連携を解除できませんでした。`,
  popupBlocked: (source) => `${source}の連携ウィンドウがブラウザにブロックされました。`,
  openInThisWindow: 'このウィンドウで続ける',
  openLink: (source) => `${source}の連携ページを開く`,
  connectedSince: (date) => `連携日：${date}`,
  // "5 日前に連携しました", but "今日連携しました": the day words (今日, 昨日, 一昨日) take no particle.
  connectedAgo: (relative) => `${relative}${relative.endsWith('前') ? 'に' : ''}連携しました`,
  searchLabel: 'データソースを検索',
  searchPlaceholder: '検索…',
  searchResults: { other: '#件のデータソース' },
  noResults: (query) => `「${query}」の検索結果はありません。`,
  clearSearch: '検索をクリア',
};
