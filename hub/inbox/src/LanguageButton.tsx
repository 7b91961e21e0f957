import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';

/** Bahasa Indonesia ⇄ English, also on Alt+L (as in the console). */
export function LanguageButton() {
  const { t, i18n } = useTranslation();
  const toggle = useCallback(
    () => setLanguage(i18n.language === 'en' ? 'id' : 'en'),
    [i18n.language],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={t('language.switchLabel')}
      aria-keyshortcuts="Alt+L"
    >
      {t('language.switchTo')} <kbd>Alt+L</kbd>
    </button>
  );
}
