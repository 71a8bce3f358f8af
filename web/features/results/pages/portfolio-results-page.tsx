import { Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PortfolioResults } from '../../../../server/features/results/results.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { formatNumber } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { usePortfolioResults } from '../api/results.ts';
import { BarChart } from '../components/bar-chart.tsx';
import { COLORS } from '../components/results-panel.tsx';

type Row = PortfolioResults['officialsTrainedByRegion'][number];

function BySexTable({
  caption,
  keyLabel,
  rows,
  name,
}: {
  caption: string;
  keyLabel: string;
  rows: Row[];
  name: (key: string) => string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableScroller label={caption} minWidth={520}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{keyLabel}</Table.Th>
            <Table.Th scope="col">{t('results.women')}</Table.Th>
            <Table.Th scope="col">{t('results.men')}</Table.Th>
            <Table.Th scope="col">{t('results.portfolio.other')}</Table.Th>
            <Table.Th scope="col">{t('results.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>{t('results.portfolio.none')}</Table.Td>
            </Table.Tr>
          )}
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {name(r.key)}
              </Table.Th>
              <Table.Td>{formatNumber(r.female, language)}</Table.Td>
              <Table.Td>{formatNumber(r.male, language)}</Table.Td>
              <Table.Td>{formatNumber(r.other, language)}</Table.Td>
              <Table.Td>{formatNumber(r.total, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}

/** Portfolio results for staff and steering: what the facility achieved, filtered by region, topic and year. */
export function PortfolioResultsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('results.portfolio.title'));
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const topic = params.get('topic') ?? undefined;
  const yearText = params.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const taxonomy = useTaxonomy();
  const results = usePortfolioResults({ region, topic, year });
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i));
  const regionName = (code: string) => taxonomy.data?.regions.find((r) => r.code === code)?.name ?? code;
  const topicName = (code: string) => taxonomy.data?.topics.find((r) => r.code === code)?.name ?? code;
  const d = results.data;
  const n = (v: number) => formatNumber(v, language);
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, language)}%`);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('results.portfolio.title')}</Title>
        <Text>{t('results.portfolio.intro')}</Text>
      </Stack>
      <Group align="flex-end">
        <Select
          label={t('results.portfolio.region')}
          data={toOptions(taxonomy.data?.regions, language)}
          value={region ?? null}
          onChange={(v) => setFilter('region', v)}
          clearable
          placeholder={t('results.portfolio.all')}
        />
        <Select
          label={t('results.portfolio.topic')}
          data={toOptions(taxonomy.data?.topics, language)}
          value={topic ?? null}
          onChange={(v) => setFilter('topic', v)}
          clearable
          searchable
          placeholder={t('results.portfolio.all')}
        />
        <Select
          label={t('results.portfolio.year')}
          data={years}
          value={year ? String(year) : null}
          onChange={(v) => setFilter('year', v)}
          clearable
          placeholder={t('results.portfolio.allYears')}
        />
      </Group>
      {results.isPending && <PageLoader />}
      {results.isError && <ErrorAlert error={results.error} />}
      {d && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0}>
            {[
              {
                label: t('results.summary.officialsTrained'),
                value: n(d.officialsTrained.total),
                detail: t('results.womenMen', {
                  women: d.officialsTrained.female,
                  men: d.officialsTrained.male,
                }),
              },
              {
                label: t('results.summary.trainersTrained'),
                value: n(d.trainersTrained.total),
                detail: t('results.womenMen', {
                  women: d.trainersTrained.female,
                  men: d.trainersTrained.male,
                }),
              },
              { label: t('results.summary.activitiesHeld'), value: n(d.activitiesHeld) },
              {
                label: t('results.portfolio.deliverables'),
                value: n(d.deliverables.produced),
                detail: t('results.portfolio.deliverablesDetail', {
                  validated: d.deliverables.validated,
                  published: d.deliverables.published,
                }),
              },
              {
                label: t('results.portfolio.experts'),
                value: n(d.experts.deployed),
                detail: t('results.portfolio.expertsDetail', {
                  women: pct(d.experts.shareWomen),
                  partner: pct(d.experts.sharePartnerCountries),
                }),
              },
              { label: t('results.portfolio.actions'), value: n(d.actions) },
            ].map((item) => (
              <Card key={item.label} withBorder padding="sm">
                <Text component="dt" size="sm">
                  {item.label}
                </Text>
                <Text component="dd" m={0} fw={700} fz="xl">
                  {item.value}
                </Text>
                {item.detail && (
                  <Text component="dd" m={0} size="sm">
                    {item.detail}
                  </Text>
                )}
              </Card>
            ))}
          </SimpleGrid>
          <Title order={2}>{t('results.portfolio.byRegion')}</Title>
          {d.officialsTrainedByRegion.length > 0 && (
            <BarChart
              label={t('results.portfolio.byRegion')}
              series={[
                { key: 'female', label: t('results.women'), color: COLORS.women },
                { key: 'male', label: t('results.men'), color: COLORS.men },
              ]}
              groups={d.officialsTrainedByRegion.map((r) => ({
                label: regionName(r.key),
                values: { female: r.female, male: r.male },
              }))}
              format={n}
            />
          )}
          <BySexTable
            caption={t('results.portfolio.byRegion')}
            keyLabel={t('results.portfolio.region')}
            rows={d.officialsTrainedByRegion}
            name={regionName}
          />
          <Text size="sm">{t('results.portfolio.severalNote')}</Text>
          <Title order={2}>{t('results.portfolio.byYear')}</Title>
          <BySexTable
            caption={t('results.portfolio.byYear')}
            keyLabel={t('results.portfolio.year')}
            rows={d.officialsTrainedByYear}
            name={(k) => k}
          />
          <Title order={2}>{t('results.portfolio.byTopic')}</Title>
          <BySexTable
            caption={t('results.portfolio.byTopic')}
            keyLabel={t('results.portfolio.topic')}
            rows={d.officialsTrainedByTopic}
            name={topicName}
          />
        </>
      )}
    </Stack>
  );
}
