import { languageName } from '../../../lib/format.ts';

/** Languages activities are commonly held in; an activity may use any ISO 639 code through the API. */
const common = ['en', 'fr', 'es', 'pt', 'ar', 'ru', 'th', 'tet', 'tl', 'sw', 'de', 'it'];

export function languageOptions(uiLanguage: string, selected: string[] = []) {
  const collator = new Intl.Collator(uiLanguage);
  return [...new Set([...common, ...selected])]
    .map((code) => ({ value: code, label: languageName(code, uiLanguage) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
