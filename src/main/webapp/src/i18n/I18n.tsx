import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages, type Language, type MessageKey } from './messages';

interface I18n {
  language: Language;
  t: (key: MessageKey) => string;
  switchLanguage: () => void;
}

const STORAGE_KEY = 'kis.language';
const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ko';
}

/** The chosen language, kept across visits on this browser; the page's lang attribute follows it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
  }, [language]);
  const switchLanguage = useCallback(() => setLanguage((now) => (now === 'ko' ? 'en' : 'ko')), []);
  const value = useMemo<I18n>(
    () => ({ language, t: (key) => messages[language][key], switchLanguage }),
    [language, switchLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) {
    throw new Error('useI18n outside I18nProvider');
  }
  return i18n;
}
