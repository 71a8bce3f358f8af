import { type ChangeEvent, type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isLanguageCode, languages } from '../../../lib/languages.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalPageAt } from '../portal-pages.ts';

/**
 * A native select in a plain form: every browser and screen reader operates it, and each option
 * names its language in that language. Before the page's scripts run (a slow connection), the form
 * reloads the same page with `?lang=`, which the server renders in that language and remembers; once
 * they run, the choice switches the page in place. When the address names a language, it follows.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const select = useRef<HTMLSelectElement>(null);

  const switchTo = (next: string) => {
    if (!isLanguageCode(next) || next === language) return;
    const search = new URLSearchParams(location.search);
    if (search.has('lang')) {
      search.set('lang', next);
      navigate({ pathname: location.pathname, search: `?${search}` }, { replace: true });
    }
    void i18n.changeLanguage(next);
  };

  // A choice made before the scripts took the page over is the browser's alone: React saw no
  // change, and the select would show a language the page is not in. Take it up once, on taking over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the switch first mounts
  useEffect(() => {
    if (select.current) switchTo(select.current.value);
  }, []);

  const change = (event: ChangeEvent<HTMLSelectElement>) => switchTo(event.currentTarget.value);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (select.current) switchTo(select.current.value);
  };

  // The form reloads the same page: its filters go along, and nothing else (the server renders and
  // caches a page by these parameters only, so the markup here is the same on both sides).
  const kept = portalPageAt(location.pathname)?.parameters ?? [];
  const carried = [...new URLSearchParams(location.search)].filter(
    ([key]) => key !== 'lang' && kept.includes(key),
  );

  return (
    <form className="language-switch" method="get" action={location.pathname} onSubmit={submit}>
      <label htmlFor="language-select">{t('language.label')}</label>
      <div className="language-switch-controls">
        {carried.map(([key, value]) => (
          <input key={`${key}=${value}`} type="hidden" name={key} value={value} />
        ))}
        <select id="language-select" name="lang" ref={select} value={language} onChange={change}>
          {languages.map(({ code, name }) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
        <button type="submit" className="language-submit">
          {t('language.submit')}
        </button>
      </div>
    </form>
  );
}
