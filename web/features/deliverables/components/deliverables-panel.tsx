import { Button, Group, Modal, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useActionDeliverables, useCreateDeliverable } from '../api/deliverables.ts';
import { DeliverableForm } from './deliverable-form.tsx';
import { DeliverablesTable } from './deliverables-table.tsx';

/** The deliverables of an Action the user may see, and for the staff a way to start another. */
export function DeliverablesPanel({ actionId, closed }: { actionId: string; closed: boolean }) {
  const { t } = useTranslation();
  const user = useStaffUser();
  const navigate = useNavigate();
  const list = useActionDeliverables(actionId);
  const create = useCreateDeliverable(actionId);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="deliverables-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id="deliverables-title">
          {t('deliverables.panel.title')}
        </Title>
        {isStaffRole(user.role) && !closed && (
          <Button
            size="xs"
            onClick={() => {
              create.reset();
              setAdding(true);
            }}
          >
            {t('deliverables.panel.add')}
          </Button>
        )}
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <Text>{t('deliverables.panel.empty')}</Text>
        ) : (
          <DeliverablesTable
            items={list.data.items}
            caption={t('deliverables.panel.count', { count: list.data.items.length })}
          />
        ))}
      <Modal
        closeButtonProps={{ 'aria-label': t('deliverables.common.close') }}
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('deliverables.panel.add')}
        size="lg"
      >
        <DeliverableForm
          pending={create.isPending}
          error={create.error}
          onCancel={() => setAdding(false)}
          onSubmit={(input) =>
            create.mutate(input, { onSuccess: (created) => navigate(`/app/deliverables/${created.id}`) })
          }
        />
      </Modal>
    </section>
  );
}
