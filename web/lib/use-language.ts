import { useTranslation } from 'react-i18next';
import { defaultLanguage, isLanguageCode, type LanguageCode } from './languages.ts';

/** The interface language, also the content language asked of the API (query keys carry it). */
export function useLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguageCode(language) ? language : defaultLanguage;
}
