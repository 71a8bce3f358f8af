import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../server/features/auth/auth.contract.ts';
import {
  type DeliverableDetail,
  deliverableVisibility,
} from '../../../../server/features/deliverables/deliverables.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { SaveConflict } from '../../../components/save-conflict.tsx';
import { isStaffRole } from '../../../lib/staff-user.ts';
import { type DeliverableVerb, useDeliverableVerb, useUpdateDeliverable } from '../api/deliverables.ts';

/** The steps this user may take now, mirroring the server's rules (which decide). */
function stepsFor(d: DeliverableDetail, user: SessionUser, worksOnIt: boolean): DeliverableVerb[] {
  const staff = isStaffRole(user.role);
  const internal = d.visibility === 'internal';
  const steps: DeliverableVerb[] = [];
  if (d.status === 'draft' && !internal && d.latestVersion !== null && (staff || worksOnIt))
    steps.push('submit-for-review');
  if (d.status === 'draft' && internal && d.latestVersion !== null && staff) steps.push('validate');
  if (d.status === 'partner_review' && user.role === 'partner') steps.push('validate', 'request-changes');
  if (d.status === 'validated' && staff) steps.push('publish');
  return steps;
}

/** The workflow's next steps as buttons; sending a draft back asks the partner why. */
export function DeliverableWorkflow({
  deliverable,
  user,
  worksOnIt,
}: {
  deliverable: DeliverableDetail;
  user: SessionUser;
  worksOnIt: boolean;
}) {
  const { t } = useTranslation();
  const step = useDeliverableVerb(deliverable.id);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const steps = stepsFor(deliverable, user, worksOnIt);
  if (steps.length === 0) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('deliverables.workflow.label')}>
        {steps.map((verb) => (
          <Button
            key={verb}
            size="sm"
            variant={verb === 'request-changes' ? 'default' : 'filled'}
            loading={step.isPending && step.variables?.verb === verb}
            onClick={() => {
              step.reset();
              if (verb === 'request-changes') {
                setReason('');
                setAsking(true);
              } else step.mutate({ verb });
            }}
          >
            {t(`deliverables.workflow.${verb}`)}
          </Button>
        ))}
      </Group>
      {step.isError && !asking && <ErrorAlert error={step.error} />}
      <Modal
        closeButtonProps={{ 'aria-label': t('deliverables.common.close') }}
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('deliverables.workflow.request-changes')}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) {
              step.mutate(
                { verb: 'request-changes', reason: reason.trim() },
                { onSuccess: () => setAsking(false) },
              );
            }
          }}
        >
          <Stack>
            {step.isError && <ErrorAlert error={step.error} />}
            <Textarea
              label={t('deliverables.workflow.whatToChange')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('deliverables.common.cancel')}
              </Button>
              <Button type="submit" disabled={!reason.trim()} loading={step.isPending}>
                {t('deliverables.workflow.sendBack')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/** The staff choose who may see a deliverable, until it is published. */
export function VisibilityEditor({
  deliverable,
  onReload,
}: {
  deliverable: DeliverableDetail;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateDeliverable(deliverable.id);
  const [visibility, setVisibility] = useState<string>(deliverable.visibility);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({
          patch: { visibility: visibility as DeliverableDetail['visibility'] },
          version: deliverable.version,
        });
      }}
    >
      <Stack gap="xs">
        <SaveConflict
          error={update.error}
          base={{ visibility: deliverable.visibility }}
          sent={update.variables?.patch as { visibility: DeliverableDetail['visibility'] } | undefined}
          toValues={(d: DeliverableDetail) => ({ visibility: d.visibility })}
          labels={{ visibility: t('deliverables.form.visibility') }}
          show={{ visibility: (value) => t(`deliverables.visibility.${value}`) }}
          busy={update.isPending}
          onSave={(patch, version) => {
            setVisibility(patch.visibility);
            update.mutate({ patch, version });
          }}
          onReload={() => {
            update.reset();
            onReload();
          }}
        />
        <Group align="flex-end" gap="xs">
          <Select
            label={t('deliverables.form.visibility')}
            data={deliverableVisibility.options.map((value) => ({
              value,
              label: t(`deliverables.visibility.${value}`),
            }))}
            value={visibility}
            allowDeselect={false}
            onChange={(value) => setVisibility(value ?? visibility)}
            w={220}
          />
          <Button
            type="submit"
            variant="default"
            loading={update.isPending}
            disabled={visibility === deliverable.visibility}
          >
            {t('deliverables.common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
