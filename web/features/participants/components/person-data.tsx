import { Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipationItem } from '../../../../server/features/participants/participants.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { personExportUrl, useErasePerson } from '../api/participants.ts';

/**
 * A person's data rights, for the staff: the export of everything held about them (JSON), and the
 * erasure of their identity on their request, with the reason (the counts stay).
 */
export function PersonData({ activityId, item }: { activityId: string; item: ParticipationItem }) {
  const { t } = useTranslation();
  const erase = useErasePerson(activityId);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const name = item.person.fullName;
  return (
    <Group gap="xs" wrap="nowrap">
      <Anchor
        href={personExportUrl(item.person.id)}
        download
        aria-label={t('participants.personal.exportLabel', { name })}
        size="sm"
      >
        {t('participants.personal.export')}
      </Anchor>
      {!item.person.erased && (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          onClick={() => setAsking(true)}
          aria-label={t('participants.personal.eraseLabel', { name })}
        >
          {t('participants.personal.erase')}
        </Button>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('participants.add.cancel') }}
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('participants.personal.eraseLabel', { name })}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            erase.mutate(
              { personId: item.person.id, reason: reason.trim() },
              { onSuccess: () => setAsking(false) },
            );
          }}
        >
          <Stack>
            <Text size="sm">{t('participants.personal.eraseHelp')}</Text>
            {erase.isError && <ErrorAlert error={erase.error} />}
            <Textarea
              label={t('participants.personal.reason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" color="red" loading={erase.isPending} disabled={!reason.trim()}>
                {t('participants.personal.confirm')}
              </Button>
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('participants.add.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
