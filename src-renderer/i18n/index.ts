// i18next set up with Chinese (default) and English; the chosen language is remembered.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { say, type Msg } from '@shared/messages';
import { en, zhCN } from './resources';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_KEY = 'vl.language';

export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return v === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    /* storage unavailable: the choice lasts for this session */
  }
  void i18n.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** A core message (an error's details.msg) in the UI's language. */
export function sayMsg(m: Msg): string {
  return say(currentLanguage() === 'en' ? 'en' : 'zh', m);
}

export default i18n;
