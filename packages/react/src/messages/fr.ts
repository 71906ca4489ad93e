import type { ThryveMessages } from '../pickerMessages.js';

// French typography: a narrow no-break space (U+202F) inside « » and before ? ! : ;

/**
 * Every text of the widget and the picker in French. Pass it to the provider:
 * `<ThryveConnectProvider locale="fr" messages={{ fr }}>`.
 */
export const fr: ThryveMessages = {
  widgetTitle: 'Connectez vos sources de données de santé',
  widgetLoading: 'Chargement du widget de connexion…',
  widgetReady: 'Le widget de connexion est prêt.',
  widgetExpired: 'Cette session de connexion a expiré. Rechargez-la pour continuer.',
  reload: 'Recharger',
  retry: 'Réessayer',
  consentAccept: 'Accepter et continuer',
  consentLink: 'Lire l’avis de confidentialité',
  errors: {
    signedOut: 'Vous n’êtes plus identifié. Identifiez-vous à nouveau pour connecter vos sources de données.',
    forbidden: 'Vous n’êtes pas autorisé à connecter des sources de données.',
    offline: 'Le service de connexion est injoignable. Vérifiez votre connexion Internet et réessayez.',
    unavailable: 'Le service de connexion est momentanément indisponible. Réessayez dans un instant.',
    invalid: 'Le service de connexion a envoyé une réponse que cette application ne peut pas utiliser.',
    default: 'Une erreur s’est produite. Réessayez.',
    rateLimited: (seconds) => `Trop de tentatives. Réessayez dans ${seconds} s.`,
  },
  pickerTitle: 'Sources de données',
  pickerLoading: 'Chargement des sources de données…',
  statusConnected: 'Connecté',
  statusDisconnected: 'Non connecté',
  statusConnecting: 'Connexion en cours…',
  statusRevoking: 'Déconnexion en cours…',
  statusUnknown: 'État inconnu',
  unknownSource: (id) => `Source de données ${id}`,
  connectShort: 'Connecter',
  disconnectShort: 'Déconnecter',
  connect: (source) => `Connecter ${source}`,
  disconnect: (source) => `Déconnecter ${source}`,
  confirmDisconnect: (source) => `Déconnecter ${source}\u202f? Ses données ne seront plus partagées.`,
  confirm: 'Déconnecter',
  cancel: 'Annuler',
  connected: (source) => `${source} est connecté.`,
  disconnected: (source) => `${source} est déconnecté.`,
  connectFailed: (source) => `Impossible de connecter ${source}.`,
  revokeFailed: (source) => `Impossible de déconnecter ${source}.`,
  popupBlocked: (source) => `Votre navigateur a bloqué la fenêtre de connexion à ${source}.`,
  openInThisWindow: 'Continuer dans cette fenêtre',
  openLink: (source) => `Ouvrir la page de connexion de ${source}`,
  connectedSince: (date) => `Connecté depuis le ${date}`,
  connectedAgo: (relative) => `Connecté ${relative}`,
  searchLabel: 'Rechercher des sources de données',
  searchPlaceholder: 'Rechercher…',
  searchResults: {
    one: '# source de données',
    many: '# de sources de données',
    other: '# sources de données',
  },
  noResults: (query) => `Aucune source de données ne correspond à «\u202f${query}\u202f».`,
  clearSearch: 'Effacer la recherche',
  consentByConnecting: 'En choisissant «\u202fConnecter\u202f», vous acceptez cet avis de confidentialité.',
  nativeConnectShort: 'Connecter dans notre application',
  nativeConnect: (source) => `Connecter dans notre application\u202f: ${source}`,
};
