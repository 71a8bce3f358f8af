import { Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { actionStatuses } from '../../../lib/action-status.ts';
import { countryName } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { type DashboardFilters, useDashboard } from '../api/dashboard.ts';
import { ChartCard } from '../components/chart-card.tsx';

const FILTER_KEYS = ['status', 'topic', 'region', 'country', 'year'] as const;

/** The years a filter offers: from the facility's first years to the next one. */
function yearOptions() {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2015 + 1 }, (_, i) => String(last - i));
}

/** The portfolio at a glance for staff and steering: every chart under the same filters, kept in the address. */
export function DashboardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('reporting.dashboard.title'));
  const taxonomy = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const filters: DashboardFilters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]).filter(([, v]) => v),
  );
  const dashboard = useDashboard(filters);
  const change = (key: (typeof FILTER_KEYS)[number], value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'region') next.delete('country');
    setParams(next, { replace: true });
  };
  const countries = (taxonomy.data?.countries ?? [])
    .filter((c) => !filters.region || c.regionCode === filters.region)
    .map((c) => ({ code: c.code, name: countryName(c.code, language) }));
  const selectProps = {
    clearable: true,
    clearButtonProps: { 'aria-label': t('filters.clear') },
    nothingFoundMessage: t('filters.nothingFound'),
    w: { base: '100%', xs: 190 },
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('reporting.dashboard.title')}</Title>
        <Text>{t('reporting.dashboard.intro')}</Text>
      </Stack>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('reporting.dashboard.filters')}>
        <Select
          {...selectProps}
          label={t('filters.status')}
          placeholder={t('filters.allStatuses')}
          data={actionStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          value={filters.status ?? null}
          onChange={(value) => change('status', value)}
        />
        <Select
          {...selectProps}
          label={t('filters.topic')}
          placeholder={t('filters.allTopics')}
          searchable
          data={toOptions(taxonomy.data?.topics, language)}
          value={filters.topic ?? null}
          onChange={(value) => change('topic', value)}
        />
        <Select
          {...selectProps}
          label={t('filters.region')}
          placeholder={t('filters.allRegions')}
          data={toOptions(taxonomy.data?.regions, language)}
          value={filters.region ?? null}
          onChange={(value) => change('region', value)}
        />
        <Select
          {...selectProps}
          label={t('filters.country')}
          placeholder={t('filters.allCountries')}
          searchable
          data={toOptions(countries, language)}
          value={filters.country ?? null}
          onChange={(value) => change('country', value)}
        />
        <Select
          {...selectProps}
          label={t('reporting.dashboard.year')}
          placeholder={t('reporting.dashboard.allYears')}
          data={yearOptions()}
          value={filters.year ?? null}
          onChange={(value) => change('year', value)}
        />
        {Object.keys(filters).length > 0 && (
          <Button variant="subtle" onClick={() => setParams({}, { replace: true })}>
            {t('reporting.dashboard.clearFilters')}
          </Button>
        )}
      </Group>
      {dashboard.isPending && <PageLoader />}
      {dashboard.isError && <ErrorAlert error={dashboard.error} />}
      {dashboard.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" aria-busy={dashboard.isFetching}>
          {dashboard.data.charts.map((chart) => (
            <ChartCard key={chart.id} chart={chart} filters={filters} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
