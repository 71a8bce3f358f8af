import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ActionResults,
  ActualInput,
  Figures,
  IndicatorInput,
  IndicatorView,
  PeriodView,
} from '../../../../server/features/results/results.contract.ts';
import {
  indicatorMeasures,
  indicatorSources,
  resultLevels,
} from '../../../../server/features/results/results.values.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { SaveConflict } from '../../../components/save-conflict.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import {
  evidenceUrl,
  useActionResults,
  useAddEvidence,
  useCreateIndicator,
  useRecordActual,
} from '../api/results.ts';
import { BarChart } from './bar-chart.tsx';

export const COLORS = { target: '#4a4a4a', actual: '#1c4f8a', women: '#8a1c5a', men: '#1c6b4f' };

function useFigures() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (f: Figures | null, indicator: Pick<IndicatorView, 'measure' | 'bySex'>) => {
    if (!f) return '—';
    if (indicator.measure === 'qualitative') return f.note ?? '—';
    if (f.total === null) return '—';
    const unit = indicator.measure === 'percentage' ? '%' : '';
    const total = `${formatNumber(f.total, language)}${unit}`;
    if (!indicator.bySex || (f.female === null && f.male === null)) return total;
    return t('results.bySexFigures', {
      total,
      women: f.female === null ? '—' : `${formatNumber(f.female, language)}${unit}`,
      men: f.male === null ? '—' : `${formatNumber(f.male, language)}${unit}`,
    });
  };
}

function periodLabel(p: Pick<PeriodView, 'start' | 'end'>, language: string) {
  if (p.start.endsWith('-01-01') && p.end.endsWith('-12-31') && p.start.slice(0, 4) === p.end.slice(0, 4)) {
    return p.start.slice(0, 4);
  }
  return `${formatDate(p.start, language)} – ${formatDate(p.end, language)}`;
}

function ActualForm({
  indicator,
  period,
  onDone,
}: {
  indicator: IndicatorView;
  period: PeriodView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordActual();
  const evidence = useAddEvidence();
  const qualitative = indicator.measure === 'qualitative';
  const [total, setTotal] = useState<number | string>(period.actual?.total ?? '');
  const [female, setFemale] = useState<number | string>(period.actual?.female ?? '');
  const [male, setMale] = useState<number | string>(period.actual?.male ?? '');
  const [note, setNote] = useState(period.actual?.note ?? '');
  const [file, setFile] = useState<File | null>(null);
  const num = (v: number | string) => (v === '' ? null : Number(v));
  /** What the form sends, from its fields; also how a merge reads the period it meets. */
  const body = (fields: {
    total: number | string;
    female: number | string;
    male: number | string;
    note: string;
  }): ActualInput =>
    qualitative
      ? { note: fields.note }
      : {
          total: indicator.bySex && fields.total === '' ? undefined : num(fields.total),
          ...(indicator.bySex ? { female: num(fields.female), male: num(fields.male) } : {}),
          note: fields.note || null,
        };
  const bodyOf = (view: IndicatorView) => {
    const actual = view.periods.find((p) => p.id === period.id)?.actual;
    return body({
      total: actual?.total ?? '',
      female: actual?.female ?? '',
      male: actual?.male ?? '',
      note: actual?.note ?? '',
    });
  };
  const send = async (actual: ActualInput, version: number) => {
    const saved = await record.mutateAsync({
      indicatorId: indicator.id,
      periodId: period.id,
      version,
      actual,
    });
    if (file) await evidence.mutateAsync({ indicatorId: saved.id, periodId: period.id, file });
    onDone();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(body({ total, female, male, note }), indicator.version).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!qualitative && (
          <Group grow align="flex-start">
            <NumberInput label={t('results.total')} value={total} onChange={setTotal} min={0} />
            {indicator.bySex && (
              <NumberInput label={t('results.women')} value={female} onChange={setFemale} min={0} />
            )}
            {indicator.bySex && (
              <NumberInput label={t('results.men')} value={male} onChange={setMale} min={0} />
            )}
          </Group>
        )}
        <Textarea
          label={qualitative ? t('results.statement') : t('results.comment')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required={qualitative}
          autosize
          minRows={2}
        />
        <FileInput
          label={t('results.evidence')}
          description={t('results.evidenceHint')}
          value={file}
          onChange={setFile}
          clearable
          accept="application/pdf,.docx,.xlsx,image/png,image/jpeg,image/webp"
        />
        <SaveConflict
          error={record.error}
          base={bodyOf(indicator)}
          sent={record.variables?.actual}
          toValues={bodyOf}
          labels={{
            total: t('results.total'),
            female: t('results.women'),
            male: t('results.men'),
            note: qualitative ? t('results.statement') : t('results.comment'),
          }}
          busy={record.isPending}
          onSave={(actual, version) => {
            setTotal(actual.total ?? '');
            setFemale(actual.female ?? '');
            setMale(actual.male ?? '');
            setNote(actual.note ?? '');
            void send(actual, version).catch(() => undefined);
          }}
          onReload={() => {
            record.reset();
            onDone();
          }}
        />
        {evidence.error ? <ErrorAlert error={evidence.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending || evidence.isPending}>
            {t('results.saveActual')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function IndicatorCard({
  indicator,
  staff,
  closed,
}: {
  indicator: IndicatorView;
  staff: boolean;
  closed: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = useFigures();
  const [entering, setEntering] = useState<PeriodView | null>(null);
  const numeric = indicator.measure !== 'qualitative';
  const canEnter = staff && !closed && !indicator.computed;
  const series = indicator.bySex
    ? [
        { key: 'targetWomen', label: t('results.targetWomen'), color: COLORS.women, outline: true },
        { key: 'actualWomen', label: t('results.actualWomen'), color: COLORS.women },
        { key: 'targetMen', label: t('results.targetMen'), color: COLORS.men, outline: true },
        { key: 'actualMen', label: t('results.actualMen'), color: COLORS.men },
      ]
    : [
        { key: 'target', label: t('results.target'), color: COLORS.target, outline: true },
        { key: 'actual', label: t('results.actual'), color: COLORS.actual },
      ];
  const groups = indicator.periods.map((p) => ({
    label: periodLabel(p, language),
    values: (indicator.bySex
      ? {
          targetWomen: p.target.female,
          actualWomen: p.actual?.female ?? null,
          targetMen: p.target.male,
          actualMen: p.actual?.male ?? null,
        }
      : { target: p.target.total, actual: p.actual?.total ?? null }) as Record<string, number | null>,
  }));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`indicator-${indicator.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={4} id={`indicator-${indicator.id}`} dir="auto">
            {indicator.title}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t(`results.level.${indicator.level}`)}</Badge>
            <Badge variant="outline" color="gray">
              {t(`results.measure.${indicator.measure}`)}
            </Badge>
            {indicator.computed && (
              <Badge variant="filled" color="teal.9">
                {t('results.computedBadge')}
              </Badge>
            )}
          </Group>
        </Group>
        {indicator.computed && <Text size="sm">{t(`results.source.${indicator.source}`)}</Text>}
        {indicator.baseline && (
          <Text size="sm">
            {t('results.baseline', {
              year: indicator.baseline.year,
              value: show(
                {
                  total: indicator.baseline.value,
                  female: indicator.baseline.female,
                  male: indicator.baseline.male,
                  note: indicator.baseline.note,
                },
                indicator,
              ),
            })}
          </Text>
        )}
        {numeric && indicator.periods.length > 0 && (
          <BarChart
            series={series}
            groups={groups}
            label={t('results.chartLabel', { title: indicator.title })}
            format={(n) => formatNumber(n, language)}
          />
        )}
        <TableScroller label={t('results.periodsOf', { title: indicator.title })} minWidth={640}>
          <Table striped captionSide="top">
            <Table.Caption className="visually-hidden">
              {t('results.periodsOf', { title: indicator.title })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.period')}</Table.Th>
                <Table.Th scope="col">{t('results.target')}</Table.Th>
                <Table.Th scope="col">{t('results.actual')}</Table.Th>
                {numeric && <Table.Th scope="col">{t('results.progress')}</Table.Th>}
                <Table.Th scope="col">{t('results.evidence')}</Table.Th>
                {canEnter && (
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('results.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicator.periods.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    {periodLabel(p, language)}
                  </Table.Th>
                  <Table.Td dir="auto">{show(p.target, indicator)}</Table.Td>
                  <Table.Td dir="auto" data-testid={`actual-${indicator.id}-${p.start}`}>
                    {show(p.actual, indicator)}
                  </Table.Td>
                  {numeric && (
                    <Table.Td>
                      {p.progress === null ? '—' : `${formatNumber(p.progress, language)}%`}
                    </Table.Td>
                  )}
                  <Table.Td>
                    {p.evidence.length === 0
                      ? '—'
                      : p.evidence.map((e) => (
                          <Anchor
                            key={e.id}
                            href={evidenceUrl(indicator.id, e.id)}
                            display="block"
                            dir="auto"
                          >
                            {e.name}
                          </Anchor>
                        ))}
                  </Table.Td>
                  {canEnter && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEntering(p)}>
                        {t('results.enterActualFor', { period: periodLabel(p, language) })}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      </Stack>
      <Modal
        opened={entering !== null}
        onClose={() => setEntering(null)}
        title={
          entering
            ? t('results.enterActualTitle', {
                title: indicator.title,
                period: periodLabel(entering, language),
              })
            : ''
        }
        size="lg"
      >
        {entering && <ActualForm indicator={indicator} period={entering} onDone={() => setEntering(null)} />}
      </Modal>
    </Card>
  );
}

function NewIndicatorForm({ actionId, onDone }: { actionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateIndicator(actionId);
  const [level, setLevel] = useState<IndicatorInput['level']>('output');
  const [title, setTitle] = useState('');
  const [measure, setMeasure] = useState<IndicatorInput['measure']>('count');
  const [source, setSource] = useState<NonNullable<IndicatorInput['source']>>('entered');
  const [bySex, setBySex] = useState(false);
  const [baselineYear, setBaselineYear] = useState<number | string>('');
  const [baselineValue, setBaselineValue] = useState<number | string>('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [target, setTarget] = useState<number | string>('');
  const people = source === 'officials_trained' || source === 'trainers_trained';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create.mutateAsync({
      level,
      title,
      measure: source === 'entered' ? measure : 'count',
      source,
      bySex: people || (bySex && measure !== 'qualitative'),
      baseline:
        baselineYear === ''
          ? null
          : { year: Number(baselineYear), value: baselineValue === '' ? null : Number(baselineValue) },
      periods:
        start && end ? [{ start, end, target: target === '' ? undefined : { total: Number(target) } }] : [],
    });
    onDone();
  };
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('results.form.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <Group grow>
          <Select
            label={t('results.form.level')}
            data={resultLevels.map(option('results.level'))}
            value={level}
            onChange={(v) => v && setLevel(v as IndicatorInput['level'])}
            allowDeselect={false}
          />
          <Select
            label={t('results.form.source')}
            data={indicatorSources.map(option('results.sourceOption'))}
            value={source}
            onChange={(v) => v && setSource(v as NonNullable<IndicatorInput['source']>)}
            allowDeselect={false}
          />
        </Group>
        {source === 'entered' && (
          <Group grow align="flex-end">
            <Select
              label={t('results.form.measure')}
              data={indicatorMeasures.map(option('results.measure'))}
              value={measure}
              onChange={(v) => v && setMeasure(v as IndicatorInput['measure'])}
              allowDeselect={false}
            />
            <Checkbox
              label={t('results.form.bySex')}
              checked={bySex}
              disabled={measure === 'qualitative'}
              onChange={(e) => setBySex(e.currentTarget.checked)}
            />
          </Group>
        )}
        <Group grow>
          <NumberInput
            label={t('results.form.baselineYear')}
            value={baselineYear}
            onChange={setBaselineYear}
            min={1990}
            max={2100}
          />
          {measure !== 'qualitative' && (
            <NumberInput
              label={t('results.form.baselineValue')}
              value={baselineValue}
              onChange={setBaselineValue}
              min={0}
            />
          )}
        </Group>
        <Group grow>
          <TextInput
            type="date"
            label={t('results.form.periodStart')}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('results.form.periodEnd')}
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
          />
          {measure !== 'qualitative' && (
            <NumberInput label={t('results.form.target')} value={target} onChange={setTarget} min={0} />
          )}
        </Group>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('results.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ComputedSummary({ results }: { results: ActionResults }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const c = results.computed;
  const items = [
    {
      label: t('results.summary.officialsTrained'),
      value: formatNumber(c.officialsTrained.total, language),
      detail: t('results.womenMen', { women: c.officialsTrained.female, men: c.officialsTrained.male }),
      testId: 'officials-trained',
    },
    {
      label: t('results.summary.trainersTrained'),
      value: formatNumber(c.trainersTrained.total, language),
      detail: t('results.womenMen', { women: c.trainersTrained.female, men: c.trainersTrained.male }),
    },
    { label: t('results.summary.activitiesHeld'), value: formatNumber(c.activitiesHeld, language) },
    {
      label: t('results.summary.deliverablesValidated'),
      value: formatNumber(c.deliverablesValidated, language),
    },
    {
      label: t('results.summary.deliverablesPublished'),
      value: formatNumber(c.deliverablesPublished, language),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} component="dl" m={0}>
      {items.map((item) => (
        <Card key={item.label} withBorder padding="sm">
          <Text component="dt" size="sm">
            {item.label}
          </Text>
          <Text component="dd" m={0} fw={700} fz="xl" data-testid={item.testId}>
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
  );
}

function LearningAndEvaluations({ results }: { results: ActionResults }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, language));
  return (
    <Stack>
      <Title order={3}>{t('results.learning.title')}</Title>
      {results.learning.length === 0 ? (
        <Text>{t('results.learning.none')}</Text>
      ) : (
        <TableScroller label={t('results.learning.title')} minWidth={600}>
          <Table striped captionSide="top">
            <Table.Caption className="visually-hidden">{t('results.learning.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.learning.training')}</Table.Th>
                <Table.Th scope="col">{t('results.learning.paired')}</Table.Th>
                <Table.Th scope="col">{t('results.learning.meanPre')}</Table.Th>
                <Table.Th scope="col">{t('results.learning.meanPost')}</Table.Th>
                <Table.Th scope="col">{t('results.learning.gain')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.learning.map((l) => (
                <Table.Tr key={l.activityId}>
                  <Table.Th scope="row" fw={500} dir="auto">
                    {l.title}
                  </Table.Th>
                  <Table.Td>{l.paired}</Table.Td>
                  <Table.Td>{t('results.learning.outOf', { score: n(l.meanPre), max: l.maxScore })}</Table.Td>
                  <Table.Td>
                    {t('results.learning.outOf', { score: n(l.meanPost), max: l.maxScore })}
                  </Table.Td>
                  <Table.Td>{n(l.groupGain)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      <Title order={3}>{t('results.evaluations.title')}</Title>
      {results.evaluations.responses === 0 ? (
        <Text>{t('results.evaluations.none')}</Text>
      ) : (
        <TableScroller label={t('results.evaluations.title')} minWidth={600}>
          <Table striped captionSide="top">
            <Table.Caption className="visually-hidden">{t('results.evaluations.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.evaluations.activity')}</Table.Th>
                <Table.Th scope="col">{t('results.evaluations.responses')}</Table.Th>
                <Table.Th scope="col">{t('results.evaluations.satisfaction')}</Table.Th>
                <Table.Th scope="col">{t('results.evaluations.relevance')}</Table.Th>
                <Table.Th scope="col">{t('results.evaluations.expectedUse')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[
                ...results.evaluations.byActivity,
                { ...results.evaluations, activityId: 'all', title: t('results.evaluations.all') },
              ].map((e) => (
                <Table.Tr key={e.activityId}>
                  <Table.Th scope="row" fw={e.activityId === 'all' ? 700 : 500} dir="auto">
                    {e.title}
                  </Table.Th>
                  <Table.Td>{e.responses}</Table.Td>
                  <Table.Td>{n(e.satisfaction)}</Table.Td>
                  <Table.Td>{n(e.relevance)}</Table.Td>
                  <Table.Td>{n(e.expectedUse)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
    </Stack>
  );
}

/** The Action's results tab: what Tandem computes, the indicators with targets and actuals, learning. */
export function ResultsPanel({ actionId, closed }: { actionId: string; closed: boolean }) {
  const { t } = useTranslation();
  const user = useStaffUser();
  const staff = isStaffRole(user.role);
  const results = useActionResults(actionId);
  const [adding, setAdding] = useState(false);
  if (results.isPending) return <PageLoader />;
  if (results.isError) return <ErrorAlert error={results.error} />;
  const data = results.data;
  return (
    <Stack gap="lg">
      <Title order={2}>{t('results.title')}</Title>
      <ComputedSummary results={data} />
      <Group justify="space-between">
        <Title order={3}>{t('results.indicators')}</Title>
        {staff && !closed && <Button onClick={() => setAdding(true)}>{t('results.addIndicator')}</Button>}
      </Group>
      {data.indicators.length === 0 && <Text>{t('results.noIndicators')}</Text>}
      {data.indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} indicator={indicator} staff={staff} closed={closed} />
      ))}
      <LearningAndEvaluations results={data} />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('results.addIndicator')} size="lg">
        <NewIndicatorForm actionId={actionId} onDone={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}
