import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { LibraryPage } from '../../../../server/features/library/library.contract.ts';
import type { TaxonomyBody } from '../../../../server/features/taxonomy/taxonomy.contract.ts';
import { languages } from '../../../lib/languages.ts';
import { useLanguage } from '../../../lib/use-language.ts';

type Option = { code: string; name: string };

/**
 * The library's search and filters as a plain GET form: it works before scripts run (the server
 * renders the results), and afterwards it searches in the address without a reload.
 */
export function LibraryFilterForm({
  taxonomy,
  page,
}: {
  taxonomy: TaxonomyBody | undefined;
  page: LibraryPage | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const apply = (form: HTMLFormElement) => {
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim() !== '') next.set(key, value.trim());
    }
    if (search.has('lang')) next.set('lang', search.get('lang') ?? '');
    navigate({ pathname: '/library', search: next.size ? `?${next}` : '' }, { preventScrollReset: true });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const collator = new Intl.Collator(language);
  const sorted = (options: Option[]) => [...options].sort((a, b) => collator.compare(a.name, b.name));
  const select = (name: string, label: string, all: string, options: Option[]) => (
    <div className="field">
      <label htmlFor={`library-${name}`}>{label}</label>
      <select
        id={`library-${name}`}
        name={name}
        defaultValue={search.get(name) ?? ''}
        key={`${name}-${search.get(name) ?? ''}-${options.length}`}
        onChange={(event) => event.currentTarget.form && apply(event.currentTarget.form)}
      >
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <search aria-label={t('portal.library.filtersLabel')}>
      <form className="filters" action="/library" method="get" onSubmit={submit}>
        <div className="field field-wide">
          <label htmlFor="library-q">{t('portal.library.searchLabel')}</label>
          <input
            id="library-q"
            type="search"
            name="q"
            defaultValue={search.get('q') ?? ''}
            key={`q-${search.get('q') ?? ''}`}
            maxLength={200}
            aria-describedby="library-q-help"
          />
          <p id="library-q-help" className="card-meta">
            {t('portal.library.searchHelp')}
          </p>
        </div>
        {select('type', t('portal.library.type'), t('portal.library.allTypes'), sorted(page?.types ?? []))}
        {select('topic', t('filters.topic'), t('filters.allTopics'), sorted(taxonomy?.topics ?? []))}
        {select('country', t('filters.country'), t('filters.allCountries'), taxonomy?.countries ?? [])}
        {select(
          'language',
          t('portal.library.language'),
          t('portal.library.allLanguages'),
          languages.map((l) => ({ code: l.code, name: l.name })),
        )}
        {select(
          'year',
          t('portal.library.year'),
          t('portal.library.allYears'),
          (page?.years ?? []).map((year) => ({ code: String(year), name: String(year) })),
        )}
        {search.has('lang') && <input type="hidden" name="lang" value={search.get('lang') ?? ''} />}
        <div className="filter-buttons">
          <button type="submit" className="button">
            {t('portal.library.submit')}
          </button>
          <a href="/library" className="button button-secondary">
            {t('filters.reset')}
          </a>
        </div>
      </form>
    </search>
  );
}
