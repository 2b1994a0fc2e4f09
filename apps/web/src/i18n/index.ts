import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setNetworkErrorMessage } from '../api/client';
import vi from './vi.json';

export type Messages = typeof vi;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

void i18n.use(initReactI18next).init({
  lng: 'vi',
  fallbackLng: 'vi',
  resources: { vi: { translation: vi } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Loads the English messages (kept out of the initial bundle). */
export async function loadEnglish(): Promise<void> {
  if (i18n.hasResourceBundle('en', 'translation')) return;
  const messages: Messages = (await import('./en.json')).default;
  i18n.addResourceBundle('en', 'translation', messages);
}

export default i18n;

const syncNetworkMessage = () => setNetworkErrorMessage(i18n.t('errors.network'));
i18n.on('languageChanged', syncNetworkMessage);
syncNetworkMessage();
