import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { ActionStatus } from '../../../lib/action-status.ts';
import { type ActionVerb, useActionVerb } from '../api/action-workspace.ts';

/** Which verbs apply to which status; the server checks the same (and more) again. */
const verbsFor: Record<ActionStatus, ActionVerb[]> = {
  design: ['start', 'suspend', 'cancel'],
  implementation: ['close', 'suspend', 'cancel'],
  closing: ['complete', 'suspend', 'cancel'],
  suspended: ['resume', 'cancel'],
  completed: [],
  cancelled: [],
};
const needsReason: ActionVerb[] = ['suspend', 'cancel'];

/** The status verbs of an Action, for the staff; suspending and cancelling ask why. */
export function ActionVerbs({ actionId, status }: { actionId: string; status: ActionStatus }) {
  const { t } = useTranslation();
  const apply = useActionVerb(actionId);
  const [asking, setAsking] = useState<ActionVerb | null>(null);
  const [reason, setReason] = useState('');
  const verbs = verbsFor[status];
  if (verbs.length === 0) return null;

  const run = (verb: ActionVerb, why?: string) =>
    apply.mutate({ verb, reason: why }, { onSuccess: () => setAsking(null) });

  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('actionWorkspace.verbs.label')}>
        {verbs.map((verb) => (
          <Button
            key={verb}
            size="xs"
            variant={verb === 'cancel' || verb === 'suspend' ? 'default' : 'filled'}
            loading={apply.isPending && apply.variables?.verb === verb}
            onClick={() => {
              apply.reset();
              if (needsReason.includes(verb)) {
                setReason('');
                setAsking(verb);
              } else run(verb);
            }}
          >
            {t(`actionWorkspace.verbs.${verb}`)}
          </Button>
        ))}
      </Group>
      {apply.isError && !asking && <ErrorAlert error={apply.error} />}
      <Modal
        closeButtonProps={{ 'aria-label': t('actionWorkspace.common.close') }}
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`actionWorkspace.verbs.${asking}`) : ''}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (asking && reason.trim()) run(asking, reason.trim());
          }}
        >
          <Stack>
            {apply.isError && <ErrorAlert error={apply.error} />}
            <Textarea
              label={t('actionWorkspace.verbs.reason')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('actionWorkspace.common.cancel')}
              </Button>
              <Button type="submit" disabled={!reason.trim()} loading={apply.isPending}>
                {t('actionWorkspace.verbs.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
