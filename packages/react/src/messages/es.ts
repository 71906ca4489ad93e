import type { ThryveMessages } from '../pickerMessages.js';

/**
 * Every text of the widget and the picker in Spanish. Pass it to the provider:
 * `<ThryveConnectProvider locale="es" messages={{ es }}>`.
 */
export const es: ThryveMessages = {
  widgetTitle: 'Conecta tus fuentes de datos de salud',
  widgetLoading: 'Cargando el widget de conexión…',
  widgetReady: 'El widget de conexión está listo.',
  widgetExpired: 'Esta sesión de conexión ha caducado. Recárgala para continuar.',
  reload: 'Recargar',
  retry: 'Reintentar',
  consentAccept: 'Aceptar y continuar',
  consentLink: 'Leer el aviso de privacidad',
  errors: {
    signedOut: 'Has cerrado sesión. Vuelve a iniciar sesión para conectar tus fuentes de datos.',
    forbidden: 'No tienes permiso para conectar fuentes de datos.',
    offline:
      'No se pudo contactar con el servicio de conexión. Revisa tu conexión a internet e inténtalo de nuevo.',
    unavailable:
      'El servicio de conexión no está disponible en este momento. Inténtalo de nuevo en unos instantes.',
    invalid: 'El servicio de conexión envió una respuesta que esta app no puede usar.',
    default: 'Algo salió mal. Inténtalo de nuevo.',
    rateLimited: (seconds) => `Demasiados intentos. Inténtalo de nuevo en ${seconds} s.`,
  },
  pickerTitle: 'Fuentes de datos',
  pickerLoading: 'Cargando fuentes de datos…',
  statusConnected: 'Conectado',
  statusDisconnected: 'No conectado',
  statusConnecting: 'Conectando…',
  statusRevoking: 'Desconectando…',
  statusUnknown: 'Estado desconocido',
  unknownSource: (id) => `Fuente de datos ${id}`,
  connectShort: 'Conectar',
  disconnectShort: 'Desconectar',
  connect: (source) => `Conectar ${source}`,
  disconnect: (source) => `Desconectar ${source}`,
  confirmDisconnect: (source) => `¿Desconectar ${source}? Sus datos dejarán de compartirse.`,
  confirm: 'Desconectar',
  cancel: 'Cancelar',
  connected: (source) => `${source} conectado.`,
  disconnected: (source) => `${source} desconectado.`,
  connectFailed: (source) => `No se pudo conectar ${source}.`,
  revokeFailed: (source) => `No se pudo desconectar ${source}.`,
  popupBlocked: (source) => `Tu navegador bloqueó la ventana para conectar ${source}.`,
  openInThisWindow: 'Continuar en esta ventana',
  openLink: (source) => `Abrir la página de conexión de ${source}`,
  connectedSince: (date) => `Conectado desde el ${date}`,
  connectedAgo: (relative) => `Conectado ${relative}`,
  searchLabel: 'Buscar fuentes de datos',
  searchPlaceholder: 'Buscar…',
  searchResults: { one: '# fuente', many: '# de fuentes', other: '# fuentes' },
  noResults: (query) => `Ninguna fuente de datos coincide con «${query}».`,
  clearSearch: 'Borrar búsqueda',
  consentByConnecting: 'Al elegir «Conectar», aceptas este aviso de privacidad.',
  nativeConnectShort: 'Conectar en nuestra app',
  nativeConnect: (source) => `Conectar en nuestra app: ${source}`,
};
