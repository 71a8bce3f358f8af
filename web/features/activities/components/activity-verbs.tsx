import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '../../../../server/features/activities/activities.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { type ActivityVerb, useActivityVerb } from '../api/activities.ts';

const verbsFor: Record<ActivityDetail['status'], ActivityVerb[]> = {
  planned: ['confirm', 'postpone', 'cancel'],
  confirmed: ['hold', 'postpone', 'cancel'],
  postponed: ['confirm', 'cancel'],
  held: [],
  reported: [],
  cancelled: [],
};
const needsReason: ActivityVerb[] = ['postpone', 'cancel'];

/** confirm, hold, postpone, cancel: the staff move an activity along; the server keeps the rules. */
export function ActivityVerbs({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const apply = useActivityVerb(activity.id);
  const [asking, setAsking] = useState<ActivityVerb | null>(null);
  const [reason, setReason] = useState('');
  const verbs = verbsFor[activity.status];
  if (verbs.length === 0) return null;
  const run = (verb: ActivityVerb, why?: string) =>
    apply.mutate({ verb, reason: why }, { onSuccess: () => setAsking(null) });
  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('activities.verbs.label')}>
        {verbs.map((verb) => (
          <Button
            key={verb}
            size="xs"
            variant={needsReason.includes(verb) ? 'default' : 'filled'}
            loading={apply.isPending && apply.variables?.verb === verb}
            onClick={() => {
              apply.reset();
              if (needsReason.includes(verb)) {
                setReason('');
                setAsking(verb);
              } else run(verb);
            }}
          >
            {t(`activities.verbs.${verb}`)}
          </Button>
        ))}
      </Group>
      {apply.isError && !asking && <ErrorAlert error={apply.error} />}
      <Modal
        closeButtonProps={{ 'aria-label': t('activities.common.close') }}
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`activities.verbs.${asking}`) : ''}
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
              label={t('activities.verbs.reason')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('activities.common.cancel')}
              </Button>
              <Button type="submit" disabled={!reason.trim()} loading={apply.isPending}>
                {t('activities.verbs.confirmReason')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
