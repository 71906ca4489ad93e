import type { WidgetMessages } from '../widgetMessages.js';

/**
 * The English texts the widget's first paint needs: its states, and of the error texts only `offline`
 * (a lazy fetch fails when offline, so that text cannot wait for one) and `default` (the fallback when
 * the rest could not be fetched). The other error texts load with the first such error
 * (`widgetMessagesEn`).
 */
export const widgetTextsEn: Omit<WidgetMessages, 'errors'> & {
  errors: Pick<WidgetMessages['errors'], 'offline' | 'default'>;
} = {
  widgetTitle: 'Connect your health data sources',
  widgetLoading: 'Loading the connection widget…',
  widgetReady: 'The connection widget is ready.',
  widgetExpired: 'This connection session has expired. Reload it to continue.',
  reload: 'Reload',
  retry: 'Try again',
  consentAccept: 'Agree and continue',
  consentLink: 'Read the privacy notice',
  errors: {
    offline: 'Could not reach the connection service. Check your internet connection and try again.',
    default: 'Something went wrong. Try again.',
  },
};
