import type { ThryveMessages } from '../pickerMessages.js';

// Thryve's widget has one Portuguese; these texts are Brazilian, worded to read well in Portugal too.

/**
 * Every text of the widget and the picker in Portuguese. Pass it to the provider:
 * `<ThryveConnectProvider locale="pt" messages={{ pt }}>`.
 */
export const pt: ThryveMessages = {
  widgetTitle: 'Conecte suas fontes de dados de saúde',
  widgetLoading: 'Carregando o widget de conexão…',
  widgetReady: 'O widget de conexão está pronto.',
  widgetExpired: 'Esta sessão de conexão expirou. Recarregue para continuar.',
  reload: 'Recarregar',
  retry: 'Tentar novamente',
  consentAccept: 'Aceitar e continuar',
  consentLink: 'Ler o aviso de privacidade',
  errors: {
    signedOut: 'Você saiu da sua conta. Entre novamente para conectar suas fontes de dados.',
    forbidden: 'Você não tem permissão para conectar fontes de dados.',
    offline: 'Não foi possível acessar o serviço de conexão. Verifique sua internet e tente novamente.',
    unavailable: 'O serviço de conexão está indisponível no momento. Tente novamente em instantes.',
    invalid: 'O serviço de conexão enviou uma resposta que este app não pode usar.',
    default: 'Algo deu errado. Tente novamente.',
    rateLimited: (seconds) => `Muitas tentativas. Tente novamente em ${seconds} s.`,
  },
  pickerTitle: 'Fontes de dados',
  pickerLoading: 'Carregando fontes de dados…',
  statusConnected: 'Conectado',
  statusDisconnected: 'Não conectado',
  statusConnecting: 'Conectando…',
  statusRevoking: 'Desconectando…',
  statusUnknown: 'Status desconhecido',
  unknownSource: (id) => `Fonte de dados ${id}`,
  connectShort: 'Conectar',
  disconnectShort: 'Desconectar',
  connect: (source) => `Conectar ${source}`,
  disconnect: (source) => `Desconectar ${source}`,
  confirmDisconnect: (source) => `Desconectar ${source}? Os dados deixarão de ser compartilhados.`,
  confirm: 'Desconectar',
  cancel: 'Cancelar',
  connected: (source) => `${source} conectado.`,
  disconnected: (source) => `${source} desconectado.`,
  connectFailed: (source) => `Não foi possível conectar ${source}.`,
  revokeFailed: (source) => `Não foi possível desconectar ${source}.`,
  popupBlocked: (source) => `Seu navegador bloqueou a janela para conectar ${source}.`,
  openInThisWindow: 'Continuar nesta janela',
  openLink: (source) => `Abrir a página de conexão de ${source}`,
  connectedSince: (date) => `Conectado desde ${date}`,
  connectedAgo: (relative) => `Conectado ${relative}`,
  searchLabel: 'Pesquisar fontes de dados',
  searchPlaceholder: 'Pesquisar…',
  searchResults: { one: '# fonte', many: '# de fontes', other: '# fontes' },
  noResults: (query) => `Nenhuma fonte de dados corresponde a “${query}”.`,
  clearSearch: 'Limpar pesquisa',
  consentByConnecting: 'Ao escolher “Conectar”, você aceita este aviso de privacidade.',
  nativeConnectShort: 'Conectar no nosso app',
  nativeConnect: (source) => `Conectar no nosso app: ${source}`,
};
