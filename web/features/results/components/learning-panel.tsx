import {
  ActionIcon,
  Button,
  Card,
  Group,
  Image,
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
import type { ActivityDetail } from '../../../../server/features/activities/activities.contract.ts';
import type {
  ScoresView,
  TestInput,
  TestLinks,
  TestView,
} from '../../../../server/features/results/learning.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { SaveConflict } from '../../../components/save-conflict.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { isStaffRole, readsAll, useStaffUser } from '../../../lib/staff-user.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import {
  useAddEvaluations,
  useCreateLinks,
  useEvaluations,
  useSaveScores,
  useSaveTest,
  useScores,
  useTest,
} from '../api/results.ts';

/** Activities where people learn, and so may have a pre- and post-test (as on the server). */
const TRAININGS = ['training', 'training_of_trainers', 'workshop', 'coaching', 'online_session'];
type Sheet = Record<string, number | null>;
type Phase = 'pre' | 'post';

interface DraftQuestion {
  text: string;
  options: string;
  answer: string;
}

function TestEditor({
  activityId,
  test,
  onDone,
}: {
  activityId: string;
  test: TestView | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveTest(activityId);
  const [questions, setQuestions] = useState<DraftQuestion[]>(
    test?.questions.map((q) => ({
      text: q.text,
      options: q.options.join('\n'),
      answer: String(q.answer),
    })) ?? [{ text: '', options: '', answer: '0' }],
  );
  const set = (i: number, patch: Partial<DraftQuestion>) =>
    setQuestions((list) => list.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const send = (input: TestInput, version: number | undefined) =>
    save.mutateAsync({ input, version }).then(onDone, () => undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(
      {
        questions: questions.map((q) => ({
          text: q.text,
          options: q.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
          answer: Number(q.answer),
        })),
      },
      test?.version,
    );
  };
  const questionsOf = (view: TestView): TestInput => ({ questions: view.questions });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {questions.map((q, i) => {
          const options = q.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: questions have no identity but their place
            <Card key={i} withBorder component="fieldset" padding="sm">
              <Text component="legend" fw={600}>
                {t('results.test.question', { n: i + 1 })}
              </Text>
              <Stack gap="xs">
                <TextInput
                  label={t('results.test.questionText')}
                  value={q.text}
                  onChange={(e) => set(i, { text: e.currentTarget.value })}
                  required
                />
                <Textarea
                  label={t('results.test.options')}
                  description={t('results.test.optionsHint')}
                  value={q.options}
                  onChange={(e) => set(i, { options: e.currentTarget.value })}
                  autosize
                  minRows={2}
                  required
                />
                <Group align="flex-end">
                  <Select
                    label={t('results.test.rightAnswer')}
                    data={options.map((o, j) => ({ value: String(j), label: o }))}
                    value={q.answer}
                    onChange={(v) => v !== null && set(i, { answer: v })}
                    allowDeselect={false}
                  />
                  {questions.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('results.test.removeQuestion', { n: i + 1 })}
                      onClick={() => setQuestions((list) => list.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              </Stack>
            </Card>
          );
        })}
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() => setQuestions((list) => [...list, { text: '', options: '', answer: '0' }])}
          >
            {t('results.test.addQuestion')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('results.test.saveTest')}
          </Button>
        </Group>
        {test ? (
          <SaveConflict
            error={save.error}
            base={questionsOf(test)}
            sent={save.variables?.input}
            toValues={questionsOf}
            labels={{ questions: t('results.test.testTitle') }}
            show={{
              questions: (list) =>
                list
                  .map(
                    (q, i) =>
                      `${t('results.test.question', { n: i + 1 })}: ${q.text} (${q.options
                        .map((o, j) => (j === q.answer ? `✓ ${o}` : o))
                        .join(' / ')})`,
                  )
                  .join('\n'),
            }}
            busy={save.isPending}
            onSave={(input, version) => {
              setQuestions(
                input.questions.map((q) => ({
                  text: q.text,
                  options: q.options.join('\n'),
                  answer: String(q.answer),
                })),
              );
              void send(input, version);
            }}
            onReload={() => {
              save.reset();
              onDone();
            }}
          />
        ) : save.error ? (
          <ErrorAlert error={save.error} />
        ) : null}
      </Stack>
    </form>
  );
}

function ScoresTable({
  activityId,
  maxScore,
  staff,
}: {
  activityId: string;
  maxScore: number | null;
  staff: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scores = useScores(activityId);
  const save = useSaveScores(activityId);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [draft, setDraft] = useState<Record<string, number | string>>({});
  // The sheet as it was when entry started: what a merge after a conflict compares with.
  const [opened, setOpened] = useState<{ values: Sheet; version: number } | null>(null);
  if (scores.isPending) return <PageLoader />;
  if (scores.isError) return <ErrorAlert error={scores.error} />;
  const view = scores.data;
  const sheetOf = (v: ScoresView, p: Phase): Sheet =>
    Object.fromEntries(v.participants.map((x) => [x.participationId, x[p]]));
  const send = async (p: Phase, values: Sheet, version: number) => {
    await save.mutateAsync({
      version,
      input: {
        phase: p,
        scores: Object.entries(values).map(([participationId, score]) => ({ participationId, score })),
      },
    });
    setPhase(null);
    setOpened(null);
  };
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, language));
  const start = (p: Phase) => {
    setPhase(p);
    setDraft(Object.fromEntries(view.participants.map((x) => [x.participationId, x[p] ?? ''])));
    setOpened({ values: sheetOf(view, p), version: view.version ?? 0 });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!phase) return;
    // Read from the form itself, so that what is on screen is what is saved.
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const values: Sheet = Object.fromEntries(
      view.participants.map((x) => {
        const value = String(form.get(`score-${x.participationId}`) ?? draft[x.participationId] ?? '').trim();
        return [x.participationId, value === '' ? null : Number(value)];
      }),
    );
    await send(phase, values, opened?.version ?? view.version ?? 0).catch(() => undefined);
  };
  const sent = save.variables
    ? (Object.fromEntries(save.variables.input.scores.map((s) => [s.participationId, s.score])) as Sheet)
    : undefined;
  const caption = t('results.test.scoresCaption', { max: maxScore ?? '—' });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text data-testid="group-gain">
          {t('results.test.group', {
            paired: view.group.paired,
            pre: n(view.group.meanPre),
            post: n(view.group.meanPost),
            gain: n(view.group.groupGain),
          })}
        </Text>
        {view.participants.length === 0 ? (
          <Text>{t('results.test.noParticipants')}</Text>
        ) : (
          <TableScroller label={caption} minWidth={560}>
            <Table striped captionSide="top">
              <Table.Caption>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('results.test.participant')}</Table.Th>
                  <Table.Th scope="col">{t('results.test.pre')}</Table.Th>
                  <Table.Th scope="col">{t('results.test.post')}</Table.Th>
                  <Table.Th scope="col">{t('results.test.gain')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.participants.map((x) => (
                  <Table.Tr key={x.participationId}>
                    <Table.Th scope="row" fw={500} dir="auto">
                      {x.fullName}
                    </Table.Th>
                    {(['pre', 'post'] as const).map((p) => (
                      <Table.Td key={p}>
                        {phase === p ? (
                          <TextInput
                            type="number"
                            inputMode="numeric"
                            aria-label={t(p === 'pre' ? 'results.test.preOf' : 'results.test.postOf', {
                              name: x.fullName,
                            })}
                            name={`score-${x.participationId}`}
                            value={draft[x.participationId] ?? ''}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              setDraft((d) => ({ ...d, [x.participationId]: v }));
                            }}
                            min={0}
                            max={maxScore ?? undefined}
                            w={90}
                          />
                        ) : (
                          n(x[p])
                        )}
                      </Table.Td>
                    ))}
                    <Table.Td>{n(x.gain)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
        )}
        {staff && maxScore !== null && view.participants.length > 0 && (
          <Group>
            {phase ? (
              <>
                {/* Keys keep React from turning the clicked "enter" button into this submit button. */}
                <Button key="save" type="submit" loading={save.isPending}>
                  {t(phase === 'pre' ? 'results.test.savePre' : 'results.test.savePost')}
                </Button>
                <Button key="cancel" variant="default" onClick={() => setPhase(null)}>
                  {t('results.test.cancel')}
                </Button>
              </>
            ) : (
              <>
                <Button key="enter-pre" variant="light" onClick={() => start('pre')}>
                  {t('results.test.enterPre')}
                </Button>
                <Button key="enter-post" variant="light" onClick={() => start('post')}>
                  {t('results.test.enterPost')}
                </Button>
              </>
            )}
          </Group>
        )}
        {phase && opened && (
          <SaveConflict
            error={save.error}
            base={opened.values}
            sent={sent}
            toValues={(current: ScoresView) => sheetOf(current, phase)}
            labels={Object.fromEntries(view.participants.map((x) => [x.participationId, x.fullName]))}
            busy={save.isPending}
            onSave={(values, version) => {
              setDraft(Object.fromEntries(Object.entries(values).map(([id, v]) => [id, v ?? ''])));
              void send(phase, values, version).catch(() => undefined);
            }}
            onReload={() => {
              save.reset();
              setPhase(null);
              setOpened(null);
              void scores.refetch();
            }}
          />
        )}
        {save.error && !(phase && opened) ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </form>
  );
}

function LinksDialog({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreateLinks(activityId);
  const [phase, setPhase] = useState<Phase>('post');
  const [hours, setHours] = useState<number | string>(48);
  const [links, setLinks] = useState<TestLinks | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLinks(await create.mutateAsync({ phase, validForHours: Number(hours) || 48 }));
  };
  return (
    <Stack>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <Select
            label={t('results.test.phase')}
            data={[
              { value: 'pre', label: t('results.test.pre') },
              { value: 'post', label: t('results.test.post') },
            ]}
            value={phase}
            onChange={(v) => v && setPhase(v as Phase)}
            allowDeselect={false}
          />
          <NumberInput
            label={t('results.test.validFor')}
            value={hours}
            onChange={setHours}
            min={1}
            max={336}
            w={140}
          />
          <Button type="submit" loading={create.isPending}>
            {t('results.test.createLinks')}
          </Button>
        </Group>
      </form>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      {links && (
        <>
          <Text size="sm">{t('results.test.linksOnce')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {links.items.map((l) => (
              <Card key={l.participationId} withBorder padding="sm">
                <Text fw={600} dir="auto">
                  {l.fullName}
                </Text>
                <Image
                  src={`data:image/svg+xml;base64,${btoa(l.qrSvg)}`}
                  alt={t('results.test.qrFor', { name: l.fullName })}
                  w={160}
                  h={160}
                />
                <Text size="xs" style={{ wordBreak: 'break-all' }}>
                  {l.url}
                </Text>
                <Text size="xs">
                  {t('results.test.expires', { at: formatDateTime(l.expiresAt, language) })}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function EvaluationsSection({ activity, staff }: { activity: ActivityDetail; staff: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const evaluations = useEvaluations(activity.id);
  const add = useAddEvaluations(activity.id);
  const [answer, setAnswer] = useState({ satisfaction: '4', relevance: '4', expectedUse: '4', comment: '' });
  const held = activity.status === 'held' || activity.status === 'reported';
  const scale = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: t(`results.test.scale.${v}`) }));
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, language));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await add.mutateAsync({
      responses: [
        {
          satisfaction: Number(answer.satisfaction),
          relevance: Number(answer.relevance),
          expectedUse: Number(answer.expectedUse),
          comment: answer.comment || undefined,
        },
      ],
    });
    setAnswer((a) => ({ ...a, comment: '' }));
  };
  return (
    <Stack>
      <Title order={3}>{t('results.test.evaluation')}</Title>
      {evaluations.isError && <ErrorAlert error={evaluations.error} />}
      {evaluations.data && (
        <Text>
          {evaluations.data.responses === 0
            ? t('results.test.noEvaluations')
            : t('results.test.evaluationSummary', {
                responses: evaluations.data.responses,
                satisfaction: n(evaluations.data.satisfaction),
                relevance: n(evaluations.data.relevance),
                expectedUse: n(evaluations.data.expectedUse),
              })}
        </Text>
      )}
      {evaluations.data && evaluations.data.comments.length > 0 && (
        <ul>
          {evaluations.data.comments.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: anonymous comments have no identity
            <li key={i} dir="auto">
              {c}
            </li>
          ))}
        </ul>
      )}
      {staff && held && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Text fw={600}>{t('results.test.enterEvaluation')}</Text>
            <Group grow align="flex-end">
              {(['satisfaction', 'relevance', 'expectedUse'] as const).map((key) => (
                <Select
                  key={key}
                  label={t(`results.test.${key}`)}
                  data={scale}
                  value={answer[key]}
                  onChange={(v) => v && setAnswer((a) => ({ ...a, [key]: v }))}
                  allowDeselect={false}
                />
              ))}
            </Group>
            <Textarea
              label={t('results.test.comment')}
              value={answer.comment}
              onChange={(e) => setAnswer({ ...answer, comment: e.currentTarget.value })}
            />
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('results.test.addEvaluation')}
              </Button>
            </Group>
            {add.error ? <ErrorAlert error={add.error} /> : null}
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** On a training's page: its pre- and post-test (questions, scores, gains, one-time links) and its evaluation. */
export function LearningPanel({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const user = useStaffUser();
  const staff = isStaffRole(user.role);
  const training = TRAININGS.includes(activity.type);
  const test = useTest(activity.id, training && readsAll(user.role));
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const closed = activity.actionStatus === 'completed' || activity.actionStatus === 'cancelled';
  return (
    <Stack component="section" aria-labelledby="learning-heading">
      <Title order={2} id="learning-heading">
        {training ? t('results.test.title') : t('results.test.titleOther')}
      </Title>
      {training && (
        <>
          {readsAll(user.role) && test.data !== undefined && (
            <Group>
              <Text>
                {test.data ? t('results.test.testHas', { n: test.data.maxScore }) : t('results.test.noTest')}
              </Text>
              {staff && !closed && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  {test.data ? t('results.test.editTest') : t('results.test.writeTest')}
                </Button>
              )}
              {staff && !closed && test.data && (
                <Button variant="default" onClick={() => setLinking(true)}>
                  {t('results.test.links')}
                </Button>
              )}
            </Group>
          )}
          <ScoresTable
            activityId={activity.id}
            maxScore={test.data?.maxScore ?? null}
            staff={staff && !closed}
          />
          <Modal
            opened={editing}
            onClose={() => setEditing(false)}
            title={t('results.test.testTitle')}
            size="xl"
          >
            {editing && (
              <TestEditor
                activityId={activity.id}
                test={test.data ?? null}
                onDone={() => setEditing(false)}
              />
            )}
          </Modal>
          <Modal opened={linking} onClose={() => setLinking(false)} title={t('results.test.links')} size="xl">
            {linking && <LinksDialog activityId={activity.id} />}
          </Modal>
        </>
      )}
      <EvaluationsSection activity={activity} staff={staff && !closed} />
    </Stack>
  );
}
