import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../../server/features/dashboard/dashboard.contract.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { chartTableUrl, type DashboardFilters } from '../api/dashboard.ts';
import { BarChart } from './bar-chart.tsx';
import { DownloadButton } from './download-button.tsx';

/** One chart: its bars, its table beside it (the same figures, for every reader) and its downloads. */
export function ChartCard({ chart, filters }: { chart: Chart; filters: DashboardFilters }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const funnel = chart.id === 'requestFunnel';
  const note = t(`reporting.dashboard.notes.${chart.id}`, { defaultValue: '' });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id={titleId}>
            {chart.title}
          </Title>
          <Group gap="xs" align="flex-start">
            <DownloadButton
              url={chartTableUrl(chart.id, 'csv', filters)}
              text="CSV"
              label={t('reporting.download.csvOf', { what: chart.title })}
              fileName={`${chart.id}.csv`}
            />
            <DownloadButton
              url={chartTableUrl(chart.id, 'xlsx', filters)}
              text="XLSX"
              label={t('reporting.download.xlsxOf', { what: chart.title })}
              fileName={`${chart.id}.xlsx`}
            />
          </Group>
        </Group>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
        {chart.rows.length === 0 ? (
          <Text size="sm">{t('reporting.dashboard.noData')}</Text>
        ) : (
          <Group align="flex-start" grow wrap="wrap">
            <BarChart chart={chart} labelledBy={titleId} />
            <div>
              <Table striped withTableBorder fz="sm">
                <Table.Caption>{t('reporting.dashboard.tableOf', { what: chart.title })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reporting.dashboard.columns.category')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {funnel
                        ? t('reporting.dashboard.columns.requests')
                        : t('reporting.dashboard.columns.count')}
                    </Table.Th>
                    {funnel && (
                      <Table.Th scope="col" ta="end">
                        {t('reporting.dashboard.columns.medianDays')}
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {chart.rows.map((row) => (
                    <Table.Tr key={row.key}>
                      <Table.Th scope="row" fw="normal">
                        {row.label}
                      </Table.Th>
                      <Table.Td ta="end">{formatNumber(row.count, language)}</Table.Td>
                      {funnel && (
                        <Table.Td ta="end">
                          {row.medianDays === null || row.medianDays === undefined
                            ? '—'
                            : formatNumber(row.medianDays, language)}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                  {chart.total !== null && (
                    <Table.Tr>
                      <Table.Th scope="row">{t('reporting.dashboard.total')}</Table.Th>
                      <Table.Td ta="end" fw={700}>
                        {formatNumber(chart.total, language)}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </div>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
