import type { ThryveMessages } from '../pickerMessages.js';

// Sentences are built so no particle follows a brand name: 이/가 and 을/를 depend on its last syllable.

/**
 * Every text of the widget and the picker in Korean. Pass it to the provider:
 * `<ThryveConnectProvider locale="ko" messages={{ ko }}>`.
 */
export const ko: ThryveMessages = {
  widgetTitle: '건강 데이터 소스 연결',
  widgetLoading: '연결 위젯을 불러오는 중…',
  widgetReady: '연결 위젯이 준비되었습니다.',
  widgetExpired: '연결 세션이 만료되었습니다. 계속하려면 새로고침하세요.',
  reload: '새로고침',
  retry: '다시 시도',
  consentAccept: '동의하고 계속',
  consentLink: '개인정보 처리 안내 보기',
  errors: {
    signedOut: '로그아웃되었습니다. 데이터 소스를 연결하려면 다시 로그인하세요.',
    forbidden: '데이터 소스를 연결할 권한이 없습니다.',
    offline: '연결 서비스에 접속할 수 없습니다. 인터넷 연결을 확인한 후 다시 시도하세요.',
    unavailable: '지금은 연결 서비스를 사용할 수 없습니다. 잠시 후 다시 시도하세요.',
    invalid: '연결 서비스가 이 앱에서 사용할 수 없는 응답을 보냈습니다.',
    default: '문제가 발생했습니다. 다시 시도하세요.',
    rateLimited: (seconds) => `시도 횟수가 너무 많습니다. ${seconds}초 후에 다시 시도하세요.`,
  },
  pickerTitle: '데이터 소스',
  pickerLoading: '데이터 소스를 불러오는 중…',
  statusConnected: '연결됨',
  statusDisconnected: '연결 안 됨',
  statusConnecting: '연결 중…',
  statusRevoking: '연결 해제 중…',
  statusUnknown: '상태 알 수 없음',
  unknownSource: (id) => `데이터 소스 ${id}`,
  connectShort: '연결',
  disconnectShort: '연결 해제',
  connect: (source) => `${source} 연결`,
  disconnect: (source) => `${source} 연결 해제`,
  confirmDisconnect: (source) => `${source} 연결을 해제할까요? 더 이상 데이터가 공유되지 않습니다.`,
  confirm: '연결 해제',
  cancel: '취소',
  connected: (source) => `${source} 연결이 완료되었습니다.`,
  disconnected: (source) => `${source} 연결이 해제되었습니다.`,
  connectFailed: (source) => `${source}에 연결하지 못했습니다.`,
  revokeFailed: (source) => `${source} 연결을 해제하지 못했습니다.`,
  popupBlocked: (source) => `브라우저가 ${source} 연결 창을 차단했습니다.`,
  openInThisWindow: '이 창에서 계속',
  openLink: (source) => `${source} 연결 페이지 열기`,
  connectedSince: (date) => `${date}부터 연결됨`,
  connectedAgo: (relative) => `${relative} 연결됨`,
  searchLabel: '데이터 소스 검색',
  searchPlaceholder: '검색…',
  searchResults: { other: '데이터 소스 #개' },
  noResults: (query) => `‘${query}’에 대한 검색 결과가 없습니다.`,
  clearSearch: '검색어 지우기',
  consentByConnecting: '‘연결’을 선택하면 이 개인정보 처리 안내에 동의하게 됩니다.',
  nativeConnectShort: '저희 앱에서 연결',
  nativeConnect: (source) => `저희 앱에서 연결: ${source}`,
};
