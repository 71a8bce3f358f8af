import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ActivityListItem } from '../../../../server/features/activities/activities.contract.ts';
import { activityType } from '../../../../server/features/activities/activities.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { countryName } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useCalendar } from '../api/activities.ts';
import { ActivitiesTable } from '../components/activities-panel.tsx';

const keys = ['region', 'country', 'topic', 'type', 'from', 'to'] as const;
type Key = (typeof keys)[number];

/** Activities grouped by the month they start in, in the reader's language. */
function byMonth(items: ActivityListItem[], language: string) {
  const format = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const groups = new Map<string, { label: string; items: ActivityListItem[] }>();
  for (const item of items) {
    const key = item.startDate.slice(0, 7);
    const group = groups.get(key) ?? { label: format.format(new Date(`${key}-01T00:00:00Z`)), items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The portfolio calendar: activities across the Actions the reader may see, filters in the URL. */
export function CalendarPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) || undefined])) as Record<
    Key,
    string | undefined
  >;
  const calendar = useCalendar({ ...filters, pageSize: 500 });
  usePageTitle(t('activities.calendar.title'));
  const set = (key: Key, value: string | null | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key === 'region') next.delete('country');
        return next;
      },
      { replace: true },
    );
  const selectProps = {
    clearable: true,
    clearButtonProps: { 'aria-label': t('filters.clear') },
    nothingFoundMessage: t('filters.nothingFound'),
    w: { base: '100%', xs: 190 },
  };
  const countries = (taxonomy.data?.countries ?? [])
    .filter((c) => !filters.region || c.regionCode === filters.region)
    .map((c) => ({ code: c.code, name: countryName(c.code, language) }));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('activities.calendar.title')}</Title>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('activities.calendar.filters')}>
        <Select
          {...selectProps}
          label={t('filters.region')}
          placeholder={t('filters.allRegions')}
          data={toOptions(taxonomy.data?.regions, language)}
          value={filters.region ?? null}
          onChange={(value) => set('region', value)}
        />
        <Select
          {...selectProps}
          searchable
          label={t('filters.country')}
          placeholder={t('filters.allCountries')}
          data={toOptions(countries, language)}
          value={filters.country ?? null}
          onChange={(value) => set('country', value)}
        />
        <Select
          {...selectProps}
          searchable
          label={t('filters.topic')}
          placeholder={t('filters.allTopics')}
          data={toOptions(taxonomy.data?.topics, language)}
          value={filters.topic ?? null}
          onChange={(value) => set('topic', value)}
        />
        <Select
          {...selectProps}
          label={t('activities.calendar.type')}
          placeholder={t('activities.calendar.allTypes')}
          data={activityType.options.map((value) => ({ value, label: t(`activities.type.${value}`) }))}
          value={filters.type ?? null}
          onChange={(value) => set('type', value)}
        />
        <TextInput
          type="date"
          label={t('activities.calendar.from')}
          value={filters.from ?? ''}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('activities.calendar.to')}
          value={filters.to ?? ''}
          onChange={(e) => set('to', e.currentTarget.value)}
        />
        {keys.some((key) => filters[key]) && (
          <Button variant="subtle" onClick={() => setParams({}, { replace: true })}>
            {t('filters.reset')}
          </Button>
        )}
      </Group>
      {calendar.isPending && <PageLoader />}
      {calendar.isError && <ErrorAlert error={calendar.error} />}
      {calendar.data && (
        <div aria-busy={calendar.isPlaceholderData}>
          <Text role="status" mb="md">
            {t('activities.calendar.count', { count: calendar.data.total })}
          </Text>
          <Stack gap="xl">
            {byMonth(calendar.data.items, language).map((month) => (
              <section key={month.label} aria-label={month.label}>
                <Title order={2} size="h4" mb="xs">
                  {month.label}
                </Title>
                <ActivitiesTable items={month.items} caption={month.label} showAction captionHidden />
              </section>
            ))}
          </Stack>
        </div>
      )}
    </Stack>
  );
}
