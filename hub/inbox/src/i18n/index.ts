/** i18next for the OPD inbox: Indonesian by default, English on request (remembered). */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { id } from './id';

export type Language = 'id' | 'en';
const KEY = 'sigap.inbox.language';

function stored(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

void i18next.use(initReactI18next).init({
  lng: stored(),
  fallbackLng: 'id',
  resources: { id: { translation: id }, en: { translation: en } },
  interpolation: { escapeValue: false }, // React escapes; caller text is never HTML.
});
document.documentElement.lang = i18next.language;

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // A browser that keeps nothing still switches for this page.
  }
}

export { i18next };
