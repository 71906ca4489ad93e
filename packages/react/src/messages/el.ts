import type { ThryveMessages } from '../pickerMessages.js';

// Greek's question mark is ";" (Unicode folds U+037E into it).

/**
 * Every text of the widget and the picker in Greek. Pass it to the provider:
 * `<ThryveConnectProvider locale="el" messages={{ el }}>`.
 */
export const el: ThryveMessages = {
  widgetTitle: 'Σύνδεση πηγών δεδομένων υγείας',
  widgetLoading: 'Φόρτωση widget σύνδεσης…',
  widgetReady: 'Το widget είναι έτοιμο.',
  widgetExpired: 'Η συνεδρία έληξε. Φορτώστε την ξανά.',
  reload: 'Επαναφόρτωση',
  retry: 'Επανάληψη',
  consentAccept: 'Αποδοχή και συνέχεια',
  consentLink: 'Διαβάστε τη δήλωση απορρήτου',
  errors: {
    signedOut: 'Έχετε αποσυνδεθεί. Συνδεθείτε ξανά.',
    forbidden: 'Δεν έχετε άδεια σύνδεσης πηγών δεδομένων.',
    offline: 'Η υπηρεσία σύνδεσης δεν απαντά. Ελέγξτε το δίκτυο και δοκιμάστε ξανά.',
    unavailable: 'Η υπηρεσία σύνδεσης δεν είναι διαθέσιμη. Δοκιμάστε αργότερα.',
    invalid: 'Η υπηρεσία σύνδεσης έστειλε μη έγκυρη απάντηση.',
    default: 'Κάτι πήγε στραβά. Δοκιμάστε ξανά.',
    rateLimited: (seconds) => `Πάρα πολλές προσπάθειες. Δοκιμάστε ξανά σε ${seconds} δευτ.`,
  },
  pickerTitle: 'Πηγές δεδομένων',
  pickerLoading: 'Φόρτωση πηγών δεδομένων…',
  statusConnected: 'Συνδεδεμένο',
  statusDisconnected: 'Μη συνδεδεμένο',
  statusConnecting: 'Σύνδεση…',
  statusRevoking: 'Αποσύνδεση…',
  statusUnknown: 'Άγνωστη κατάσταση',
  unknownSource: (id) => `Πηγή δεδομένων ${id}`,
  connectShort: 'Σύνδεση',
  disconnectShort: 'Αποσύνδεση',
  connect: (source) => `Σύνδεση με ${source}`,
  disconnect: (source) => `Αποσύνδεση από ${source}`,
  confirmDisconnect: (source) => `Αποσύνδεση από ${source}; Τα δεδομένα δεν θα κοινοποιούνται πια.`,
  confirm: 'Αποσύνδεση',
  cancel: 'Ακύρωση',
  connected: (source) => `Το ${source} συνδέθηκε.`,
  disconnected: (source) => `Το ${source} αποσυνδέθηκε.`,
  connectFailed: (source) => `Η σύνδεση με ${source} απέτυχε.`,
  revokeFailed: (source) => `Η αποσύνδεση από ${source} απέτυχε.`,
  popupBlocked: (source) => `Αποκλείστηκε το παράθυρο σύνδεσης με ${source}.`,
  openInThisWindow: 'Συνέχεια σε αυτό το παράθυρο',
  openLink: (source) => `Άνοιγμα σελίδας σύνδεσης με ${source}`,
  connectedSince: (date) => `Συνδεδεμένο από ${date}`,
  connectedAgo: (relative) => `Συνδέθηκε ${relative}`,
  searchLabel: 'Αναζήτηση πηγών δεδομένων',
  searchPlaceholder: 'Αναζήτηση…',
  searchResults: { one: '# πηγή', other: '# πηγές' },
  noResults: (query) => `Κανένα αποτέλεσμα για «${query}».`,
  clearSearch: 'Απαλοιφή αναζήτησης',
  consentByConnecting: 'Επιλέγοντας «Σύνδεση», αποδέχεστε αυτή τη δήλωση απορρήτου.',
  nativeConnectShort: 'Σύνδεση στην εφαρμογή μας',
  nativeConnect: (source) => `Σύνδεση στην εφαρμογή μας: ${source}`,
};
