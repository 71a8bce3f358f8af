import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
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
  // Native selects: light to load on a slow connection, and the phone's own picker on a small screen.
  const select = (
    key: FilterKey,
    label: string,
    all: string,
    options: { value: string; label: string }[],
  ) => (
    <NativeSelect
      label={label}
      data={[{ value: '', label: all }, ...options]}
      value={filters[key] ?? ''}
      onChange={(event) =>
        onChange({
          [key]: event.currentTarget.value || undefined,
          ...(key === 'region' ? { country: undefined } : {}),
        })
      }
      w={{ base: '100%', xs: 200 }}
    />
  );

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
      {select(
        'status',
        t('filters.status'),
        t('filters.allStatuses'),
        actionStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
      )}
      {select(
        'topic',
        t('filters.topic'),
        t('filters.allTopics'),
        toOptions(taxonomy.data?.topics, language),
      )}
      {select(
        'region',
        t('filters.region'),
        t('filters.allRegions'),
        toOptions(taxonomy.data?.regions, language),
      )}
      {select('country', t('filters.country'), t('filters.allCountries'), toOptions(countries, language))}
      {active && (
        <Button variant="subtle" onClick={onClear}>
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}
