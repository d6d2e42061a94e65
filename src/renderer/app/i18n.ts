import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { sv } from './locales/sv';
import { en } from './locales/en';
import { enEnums, svEnums } from './locales/enums';
import { kitTexts } from './locales/kit';

export const LANGUAGE_KEY = 'vaxla.language';
export type Language = 'sv' | 'en';

/**
 * Swedish first, English available. Areas add their own bundles with registerTranslations() so each page folder keeps
 * its texts next to it.
 */
void i18n.use(initReactI18next).init({
  resources: {
    sv: { translation: { ...sv, ...kitTexts.sv, enum: svEnums } },
    en: { translation: { ...en, ...kitTexts.en, enum: enEnums } },
  },
  lng: (localStorage.getItem(LANGUAGE_KEY) as Language | null) ?? 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language === 'en' ? 'en' : 'sv';

export function registerTranslations(
  ns: string,
  bundles: { sv: Record<string, unknown>; en: Record<string, unknown> },
): void {
  i18n.addResourceBundle('sv', 'translation', { [ns]: bundles.sv }, true, false);
  i18n.addResourceBundle('en', 'translation', { [ns]: bundles.en }, true, false);
}

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'sv');

export function setLanguage(lng: Language): void {
  localStorage.setItem(LANGUAGE_KEY, lng);
  void i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export default i18n;
