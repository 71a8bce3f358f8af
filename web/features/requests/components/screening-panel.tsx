import { Button, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../server/features/requests/requests.contract.ts';
import { SaveConflict } from '../../../components/save-conflict.tsx';
import { useSaveAssessment } from '../api/requests.ts';
import { StepForm } from './step-form.tsx';

type Assessment = { assessment: string; recommendation: 'approve' | 'decline' | null };
const assessmentOf = (request: RequestDetail): Assessment => ({
  assessment: request.assessment ?? '',
  recommendation: request.recommendation ?? null,
});

/** The officer's panel: assessment and recommendation, a question to the partner, the way to the committee. */
export function ScreeningPanel({ request, onReload }: { request: RequestDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAssessment(request.id);
  const [assessment, setAssessment] = useState(request.assessment ?? '');
  const [recommendation, setRecommendation] = useState<string | null>(request.recommendation ?? null);
  const send = (body: Assessment, version: number) => {
    setAssessment(body.assessment);
    setRecommendation(body.recommendation);
    save.mutate({ ...body, version });
  };
  const sent = save.variables && {
    assessment: save.variables.assessment,
    recommendation: save.variables.recommendation,
  };
  const can = (what: RequestDetail['allowed'][number]) => request.allowed.includes(what);
  if (!['assess', 'start-screening', 'ask-clarification', 'send-to-steering'].some((a) => can(a as never)))
    return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="screening-title">
      <Title order={2} size="h3" id="screening-title">
        {t('requests.screening.title')}
      </Title>
      <Stack mt="sm" gap="lg">
        {can('start-screening') && (
          <StepForm
            requestId={request.id}
            step="start-screening"
            label={t('requests.screening.startScreening')}
          />
        )}
        {can('assess') && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              send(
                {
                  assessment: assessment.trim(),
                  recommendation: recommendation as Assessment['recommendation'],
                },
                request.version,
              );
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('requests.screening.assessment')}
                autosize
                minRows={3}
                value={assessment}
                onChange={(event) => setAssessment(event.currentTarget.value)}
              />
              <Select
                label={t('requests.screening.recommendation')}
                clearable
                clearButtonProps={{ 'aria-label': t('filters.clear') }}
                data={(['approve', 'decline'] as const).map((value) => ({
                  value,
                  label: t(`requests.screening.recommend.${value}`),
                }))}
                value={recommendation}
                onChange={setRecommendation}
                w={260}
              />
              <SaveConflict
                error={save.error}
                base={assessmentOf(request)}
                sent={sent}
                toValues={assessmentOf}
                labels={{
                  assessment: t('requests.screening.assessment'),
                  recommendation: t('requests.screening.recommendation'),
                }}
                show={{
                  recommendation: (value) => (value ? t(`requests.screening.recommend.${value}`) : ''),
                }}
                busy={save.isPending}
                onSave={send}
                onReload={onReload}
              />
              {save.isSuccess && (
                <Text role="status" size="sm">
                  {t('requests.form.saved')}
                </Text>
              )}
              <Button type="submit" variant="default" loading={save.isPending} w="fit-content">
                {t('requests.screening.save')}
              </Button>
            </Stack>
          </form>
        )}
        {can('ask-clarification') && (
          <StepForm
            requestId={request.id}
            step="ask-clarification"
            label={t('requests.screening.askClarification')}
            variant="default"
            field={{ name: 'question', label: t('requests.screening.question'), required: true }}
          />
        )}
        {can('send-to-steering') && (
          <StepForm
            requestId={request.id}
            step="send-to-steering"
            label={t('requests.screening.sendToSteering')}
            field={{ name: 'note', label: t('requests.screening.note'), required: false }}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** What the committee reads of the screening: the assessment and the recommendation. */
export function AssessmentSummary({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  if (request.assessment === undefined || (!request.assessment && !request.recommendation)) return null;
  return (
    <section aria-labelledby="assessment-title">
      <Title order={2} size="h3" id="assessment-title">
        {t('requests.screening.internal')}
      </Title>
      {request.recommendation && (
        <Text fw={600} mt="xs">
          {t('requests.screening.recommended', {
            recommendation: t(`requests.screening.recommend.${request.recommendation}`),
          })}
        </Text>
      )}
      <Text mt="xs" className="prose" dir="auto">
        {request.assessment}
      </Text>
      {request.steeringNotes && (
        <Text mt="xs" className="prose" dir="auto">
          {t('requests.steering.notes')}: {request.steeringNotes}
        </Text>
      )}
    </section>
  );
}
