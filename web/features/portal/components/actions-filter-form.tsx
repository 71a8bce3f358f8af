import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { TaxonomyBody } from '../../../../server/features/taxonomy/taxonomy.contract.ts';
import { useLanguage } from '../../../lib/use-language.ts';

const byName = (language: string) => {
  const collator = new Intl.Collator(language);
  return (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
};

/**
 * The filters as a plain GET form: it works before scripts run (the server renders the filtered
 * list), and afterwards a change of a select applies at once, in the address, without a reload.
 */
export function ActionsFilterForm({ taxonomy }: { taxonomy: TaxonomyBody | undefined }) {
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
    navigate({ pathname: '/actions', search: next.size ? `?${next}` : '' }, { preventScrollReset: true });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const select = (name: string, label: string, all: string, options: { code: string; name: string }[]) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={search.get(name) ?? ''}
        key={`${name}-${search.get(name) ?? ''}`}
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
  const sorted = byName(language);
  return (
    <search aria-label={t('portal.filters.label')}>
      <form className="filters" onSubmit={submit}>
        <div className="field field-wide">
          <label htmlFor="filter-q">{t('filters.search')}</label>
          <input
            id="filter-q"
            type="search"
            name="q"
            defaultValue={search.get('q') ?? ''}
            key={`q-${search.get('q') ?? ''}`}
            maxLength={200}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t('filters.status')}</label>
          <select
            id="filter-status"
            name="status"
            defaultValue={search.get('status') ?? ''}
            key={`status-${search.get('status') ?? ''}`}
            onChange={(event) => event.currentTarget.form && apply(event.currentTarget.form)}
          >
            <option value="">{t('portal.filters.ongoing')}</option>
            <option value="completed">{t('portal.filters.completed')}</option>
            <option value="all">{t('portal.filters.all')}</option>
          </select>
        </div>
        {select(
          'topic',
          t('filters.topic'),
          t('filters.allTopics'),
          [...(taxonomy?.topics ?? [])].sort(sorted),
        )}
        {select(
          'region',
          t('filters.region'),
          t('filters.allRegions'),
          [...(taxonomy?.regions ?? [])].sort(sorted),
        )}
        {select('country', t('filters.country'), t('filters.allCountries'), taxonomy?.countries ?? [])}
        <div className="filter-buttons">
          <button type="submit" className="button">
            {t('portal.filters.apply')}
          </button>
          <a href="/actions" className="button button-secondary">
            {t('filters.reset')}
          </a>
        </div>
      </form>
    </search>
  );
}
