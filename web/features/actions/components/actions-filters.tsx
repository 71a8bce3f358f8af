import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatuses } from '../../../lib/action-status.ts';
import { countryName } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import type { ActionFilters, FilterKey } from '../hooks/use-action-filters.ts';

type Props = {
  filters: ActionFilters;
  active: boolean;
  onChange: (change: Partial<Record<FilterKey, string | undefined>>) => void;
  onClear: () => void;
};

export function ActionsFilters({ filters, active, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const [query, setQuery] = useState(filters.q ?? '');
  const commitQuery = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 350);
  useEffect(() => setQuery(filters.q ?? ''), [filters.q]); // the URL changed (back, clear)

  const countries = (taxonomy.data?.countries ?? [])
    .filter((country) => !filters.region || country.regionCode === filters.region)
    .map((country) => ({ code: country.code, name: countryName(country.code, language) }));
  const selectProps = {
    clearable: true,
    clearButtonProps: { 'aria-label': t('filters.clear') },
    nothingFoundMessage: t('filters.nothingFound'),
    w: { base: '100%', xs: 200 },
  };

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={t('actions.filters.label')}>
      <TextInput
        label={t('filters.search')}
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          commitQuery(event.currentTarget.value);
        }}
        onKeyDown={(event) => event.key === 'Enter' && commitQuery.flush()}
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        {...selectProps}
        label={t('filters.status')}
        placeholder={t('filters.allStatuses')}
        data={actionStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        value={filters.status ?? null}
        onChange={(value) => onChange({ status: value ?? undefined })}
      />
      <Select
        {...selectProps}
        label={t('filters.topic')}
        placeholder={t('filters.allTopics')}
        searchable
        data={toOptions(taxonomy.data?.topics, language)}
        value={filters.topic ?? null}
        onChange={(value) => onChange({ topic: value ?? undefined })}
      />
      <Select
        {...selectProps}
        label={t('filters.region')}
        placeholder={t('filters.allRegions')}
        data={toOptions(taxonomy.data?.regions, language)}
        value={filters.region ?? null}
        onChange={(value) => onChange({ region: value ?? undefined, country: undefined })}
      />
      <Select
        {...selectProps}
        label={t('filters.country')}
        placeholder={t('filters.allCountries')}
        searchable
        data={toOptions(countries, language)}
        value={filters.country ?? null}
        onChange={(value) => onChange({ country: value ?? undefined })}
      />
      {active && (
        <Button variant="subtle" onClick={onClear}>
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}
