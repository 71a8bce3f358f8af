import '../mantine-requests.css';
import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { countryName, countryNames, formatNumber } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useBoard } from '../api/requests.ts';
import { requestChannels } from '../lib/request-statuses.ts';

/** The officers' triage board: requests by state, longest waiting first, and how long decisions take. */
export function BoardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q.trim(), 300);
  const [country, setCountry] = useState<string | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const board = useBoard({ q: query, country, topic, channel });
  usePageTitle(t('requests.board.title'));
  const selectProps = {
    clearable: true,
    clearButtonProps: { 'aria-label': t('filters.clear') },
    w: { base: '100%', xs: 220 },
  };
  const countries = (taxonomy.data?.countries ?? []).map((c) => ({
    code: c.code,
    name: countryName(c.code, language),
  }));
  const decisions = board.data?.decisions;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('requests.board.title')}</Title>
      <Text>{t('requests.board.intro')}</Text>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('requests.filtersLabel')}>
        <TextInput
          label={t('filters.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          {...selectProps}
          label={t('filters.country')}
          placeholder={t('filters.allCountries')}
          searchable
          data={toOptions(countries, language)}
          value={country}
          onChange={setCountry}
        />
        <Select
          {...selectProps}
          label={t('filters.topic')}
          placeholder={t('filters.allTopics')}
          data={toOptions(taxonomy.data?.topics, language)}
          value={topic}
          onChange={setTopic}
        />
        <Select
          {...selectProps}
          label={t('requests.channel.label')}
          placeholder={t('requests.allChannels')}
          data={requestChannels.map((value) => ({ value, label: t(`requests.channel.${value}`) }))}
          value={channel}
          onChange={setChannel}
        />
      </Group>
      {board.isError && <ErrorAlert error={board.error} />}
      {board.isPending && <PageLoader />}
      {decisions && (
        <section aria-labelledby="decisions-title">
          <Title order={2} size="h3" id="decisions-title">
            {t('requests.board.decisions')}
          </Title>
          <Text mt="xs">
            {decisions.count === 0 || decisions.averageDays === null || decisions.medianDays === null
              ? t('requests.board.noDecisions')
              : t('requests.board.decisionsSummary', {
                  decided: formatNumber(decisions.count, language),
                  average: formatNumber(decisions.averageDays, language),
                  median: formatNumber(decisions.medianDays, language),
                })}
          </Text>
        </section>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {board.data?.columns.map((column) => (
          <Paper
            key={column.status}
            withBorder
            p="sm"
            component="section"
            aria-labelledby={`column-${column.status}`}
          >
            <Title order={2} size="h4" id={`column-${column.status}`}>
              {t('requests.board.column', {
                status: t(`requests.status.${column.status}`),
                count: column.count,
              })}
            </Title>
            {column.items.length === 0 ? (
              <Text size="sm" mt="xs">
                {t('requests.board.emptyColumn')}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" mt="xs" p={0} style={{ listStyle: 'none' }}>
                {column.items.map((item) => (
                  <li key={item.id}>
                    <Anchor component={Link} to={`/app/requests/${item.id}`} fw={600} dir="auto">
                      {t('requests.number', { number: item.number })}: {item.title}
                    </Anchor>
                    <Text size="sm" dir="auto">
                      {item.requestingInstitution?.name ?? '—'} · {countryNames(item.countries, language)}
                    </Text>
                    <Text size="sm">
                      {t('requests.detail.inState', {
                        days: t('requests.days', { count: item.daysInState }),
                      })}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
