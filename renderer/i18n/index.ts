// i18next with the Dutch strings; typed keys via CustomTypeOptions.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof nl };
  }
}

void i18n.use(initReactI18next).init({
  lng: 'nl',
  fallbackLng: 'nl',
  resources: { nl: { translation: nl } },
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

export default i18n;
