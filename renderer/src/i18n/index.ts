/** i18next set up for the console: Indonesian by default, English on request. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/api/contract';
import { en } from './en';
import { id } from './id';

void i18next.use(initReactI18next).init({
  lng: 'id',
  fallbackLng: 'id',
  resources: { id: { translation: id }, en: { translation: en } },
  interpolation: { escapeValue: false }, // React escapes; caller text is never HTML.
});

export function setLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  // Only on a change: the status arrives many times a second, and the write is not free.
  if (document.documentElement.lang !== language) document.documentElement.lang = language;
}

export { i18next };
