import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { languages } from '../../../lib/languages.ts';
import { useLanguage } from '../../../lib/use-language.ts';

/**
 * A native select: every browser and screen reader operates it, and each option names its language
 * in that language. When the address names a language (`?lang=`), it follows the choice.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const change = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.currentTarget.value;
    const search = new URLSearchParams(location.search);
    if (search.has('lang')) {
      search.set('lang', next);
      navigate({ pathname: location.pathname, search: `?${search}` }, { replace: true });
    }
    void i18n.changeLanguage(next);
  };
  return (
    <div className="language-switch">
      <label htmlFor="language-select">{t('language.label')}</label>
      <select id="language-select" value={language} onChange={change}>
        {languages.map(({ code, name }) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
