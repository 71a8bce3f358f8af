import { Alert, Anchor, Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestDetail } from '../../../../server/features/requests/requests.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useCreateAction, useTransition } from '../api/requests.ts';
import { StepForm } from './step-form.tsx';

/** The steering member's decision: approve or decline, with the reason the partner will read. */
export function SteeringPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const transition = useTransition(request.id);
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState(false);
  if (!request.allowed.includes('approve')) return null;
  const decide = (step: 'approve' | 'decline') => (event?: FormEvent) => {
    event?.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    transition.mutate({
      step,
      body: { reason: reason.trim(), ...(notes.trim() ? { notes: notes.trim() } : {}) },
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="steering-title">
      <Title order={2} size="h3" id="steering-title">
        {t('requests.steering.title')}
      </Title>
      <form onSubmit={decide('approve')} noValidate>
        <Stack mt="sm" gap="xs">
          <Textarea
            label={t('requests.steering.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('requests.form.required') : undefined}
          />
          <Textarea
            label={t('requests.steering.notes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
          {transition.isError && <ErrorAlert error={transition.error} />}
          <Group>
            <Button
              type="submit"
              color="teal.9"
              loading={transition.isPending && transition.variables?.step === 'approve'}
            >
              {t('requests.steering.approve')}
            </Button>
            <Button
              color="red.9"
              variant="outline"
              loading={transition.isPending && transition.variables?.step === 'decline'}
              onClick={() => decide('decline')()}
            >
              {t('requests.steering.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** What the requesting institution (or an officer on its behalf) may do: edit, submit, answer, withdraw. */
export function RequesterPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const can = (what: RequestDetail['allowed'][number]) => request.allowed.includes(what);
  if (!can('edit') && !can('submit') && !can('resubmit') && !can('withdraw')) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="requester-title">
      <Title order={2} size="h3" id="requester-title">
        {t('requests.partnerActions.title')}
      </Title>
      <Stack mt="sm" gap="lg">
        {can('edit') && (
          <Button component={Link} to={`/app/requests/${request.id}/edit`} variant="default" w="fit-content">
            {t('requests.partnerActions.edit')}
          </Button>
        )}
        {can('submit') && (
          <StepForm requestId={request.id} step="submit" label={t('requests.partnerActions.submit')} />
        )}
        {can('resubmit') && (
          <StepForm
            requestId={request.id}
            step="resubmit"
            label={t('requests.partnerActions.resubmit')}
            field={{ name: 'answer', label: t('requests.partnerActions.answer'), required: false }}
          />
        )}
        {can('withdraw') && (
          <StepForm
            requestId={request.id}
            step="withdraw"
            label={t('requests.partnerActions.withdraw')}
            color="red.9"
            variant="outline"
            field={{ name: 'reason', label: t('requests.partnerActions.withdrawReason'), required: false }}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** The officer's command that makes the approved request an Action, and the link to it afterwards. */
export function ActionLink({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const create = useCreateAction(request.id);
  if (request.action) {
    return (
      <Alert
        color="teal"
        variant="light"
        role="status"
        title={t('requests.detail.action', { name: request.action.name })}
      >
        <Anchor component={Link} to={`/app/actions/${request.action.id}`}>
          {t('requests.detail.openAction', { name: request.action.name })}
        </Anchor>
      </Alert>
    );
  }
  if (!request.allowed.includes('create-action')) return null;
  return (
    <Stack gap="xs">
      {create.isError && <ErrorAlert error={create.error} />}
      <Button onClick={() => create.mutate()} loading={create.isPending} w="fit-content">
        {t('requests.createAction.button')}
      </Button>
    </Stack>
  );
}
