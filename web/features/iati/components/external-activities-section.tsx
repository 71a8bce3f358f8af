import { Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ListPagination } from '../../../components/list-pagination.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { countryName, countryNames, formatDate } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { type ExternalFilters, useExternalActivities } from '../api/iati.ts';

/** Who else works where the facility works: imported activities by country and topic. */
export function ExternalActivitiesSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const [filters, setFilters] = useState<ExternalFilters>({ page: 1 });
  const activities = useExternalActivities(filters);
  const topicNames = new Map((taxonomy.data?.topics ?? []).map((topic) => [topic.code, topic.name]));
  const countries = (taxonomy.data?.countries ?? []).map((c) => ({
    code: c.code,
    name: countryName(c.code, language),
  }));
  const selectProps = { clearable: true, searchable: true, w: { base: '100%', xs: 240 } };
  const data = activities.data;

  return (
    <Stack component="section" aria-labelledby="iati-external" gap="sm">
      <Title order={2} id="iati-external">
        {t('iati.external.heading')}
      </Title>
      <Group align="flex-end" role="search" aria-label={t('iati.external.filters')}>
        <Select
          {...selectProps}
          label={t('filters.country')}
          placeholder={t('filters.allCountries')}
          data={toOptions(countries, language)}
          value={filters.country ?? null}
          onChange={(value) => setFilters({ ...filters, country: value ?? undefined, page: 1 })}
        />
        <Select
          {...selectProps}
          label={t('filters.topic')}
          placeholder={t('filters.allTopics')}
          data={toOptions(taxonomy.data?.topics, language)}
          value={filters.topic ?? null}
          onChange={(value) => setFilters({ ...filters, topic: value ?? undefined, page: 1 })}
        />
      </Group>
      {activities.isError && <ErrorAlert error={activities.error} />}
      {activities.isPending && <PageLoader />}
      {data &&
        (data.items.length === 0 ? (
          <Text role="status">{t('iati.external.empty')}</Text>
        ) : (
          <TableScroller label={t('iati.external.caption', { count: data.total })} minWidth={860}>
            <Table striped captionSide="top" verticalSpacing="sm">
              <Table.Caption>{t('iati.external.caption', { count: data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('iati.columns.title')}</Table.Th>
                  <Table.Th scope="col">{t('iati.columns.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('iati.columns.countries')}</Table.Th>
                  <Table.Th scope="col">{t('iati.columns.topics')}</Table.Th>
                  <Table.Th scope="col">{t('iati.columns.period')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((activity) => (
                  <Table.Tr key={activity.id}>
                    <Table.Th scope="row">
                      <Text dir="auto" fw={500} size="sm">
                        {activity.title}
                      </Text>
                      <Text dir="ltr" size="xs" c="dimmed">
                        {activity.identifier}
                      </Text>
                    </Table.Th>
                    <Table.Td dir="auto">{activity.reportingOrg.name}</Table.Td>
                    <Table.Td>{countryNames(activity.countries, language)}</Table.Td>
                    <Table.Td>
                      {activity.topicEvidence.map((e) => topicNames.get(e.topic) ?? e.topic).join(', ') ||
                        t('common.none')}
                    </Table.Td>
                    <Table.Td>
                      {t('iati.external.period', {
                        start:
                          formatDate(activity.actualStart ?? activity.plannedStart, language) ??
                          t('common.notSet'),
                        end:
                          formatDate(activity.actualEnd ?? activity.plannedEnd, language) ??
                          t('common.notSet'),
                      })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
        ))}
      {data && data.total > 0 && (
        <ListPagination
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      )}
    </Stack>
  );
}
