import { Anchor, Button, Group, Modal, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ActivityListItem } from '../../../../server/features/activities/activities.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { countryName, formatDate } from '../../../lib/format.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useActionActivities, useCreateActivity } from '../api/activities.ts';
import { ActivityForm } from './activity-form.tsx';
import { ActivityStatusBadge } from './activity-status-badge.tsx';

/** Where an activity takes place, in the reader's language. */
export function usePlace() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (a: Pick<ActivityListItem, 'modality' | 'city' | 'countryCode'>) =>
    a.modality === 'online'
      ? t('activities.modality.online')
      : [a.city, a.countryCode ? countryName(a.countryCode, language) : null].filter(Boolean).join(', ');
}

export function ActivitiesTable({
  items,
  caption,
  showAction = false,
  captionHidden = false,
}: {
  items: ActivityListItem[];
  caption: string;
  showAction?: boolean;
  /** When a heading just above already says what the table holds. */
  captionHidden?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const place = usePlace();
  return (
    <TableScroller label={caption} minWidth={showAction ? 900 : 760}>
      <Table striped captionSide="top" verticalSpacing="sm">
        <Table.Caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('activities.table.dates')}</Table.Th>
            <Table.Th scope="col">{t('activities.table.activity')}</Table.Th>
            {showAction && <Table.Th scope="col">{t('activities.table.action')}</Table.Th>}
            <Table.Th scope="col">{t('activities.table.type')}</Table.Th>
            <Table.Th scope="col">{t('activities.table.place')}</Table.Th>
            <Table.Th scope="col">{t('activities.table.experts')}</Table.Th>
            <Table.Th scope="col">{t('activities.table.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td className="nowrap">
                {a.startDate === a.endDate
                  ? formatDate(a.startDate, language)
                  : t('activities.dates', {
                      start: formatDate(a.startDate, language),
                      end: formatDate(a.endDate, language),
                    })}
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/app/activities/${a.id}`} dir="auto">
                  {a.title}
                </Anchor>
              </Table.Th>
              {showAction && (
                <Table.Td>
                  <Anchor component={Link} to={`/app/actions/${a.actionId}?tab=activities`}>
                    {a.actionName}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{t(`activities.type.${a.type}`)}</Table.Td>
              <Table.Td>{place(a)}</Table.Td>
              <Table.Td>{a.expertCount}</Table.Td>
              <Table.Td className="nowrap">
                <ActivityStatusBadge status={a.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}

/** The activities of an Action, and for the staff a way to plan another. */
export function ActivitiesPanel({ actionId, closed }: { actionId: string; closed: boolean }) {
  const { t } = useTranslation();
  const user = useStaffUser();
  const navigate = useNavigate();
  const activities = useActionActivities(actionId);
  const create = useCreateActivity(actionId);
  const [planning, setPlanning] = useState(false);
  return (
    <section aria-labelledby="activities-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id="activities-title">
          {t('activities.panel.title')}
        </Title>
        {isStaffRole(user.role) && !closed && (
          <Button
            size="xs"
            onClick={() => {
              create.reset();
              setPlanning(true);
            }}
          >
            {t('activities.panel.plan')}
          </Button>
        )}
      </Group>
      {activities.isPending && <PageLoader />}
      {activities.isError && <ErrorAlert error={activities.error} />}
      {activities.data &&
        (activities.data.items.length === 0 ? (
          <Text>{t('activities.panel.empty')}</Text>
        ) : (
          <ActivitiesTable
            items={activities.data.items}
            caption={t('activities.panel.count', { count: activities.data.items.length })}
          />
        ))}
      <Modal
        closeButtonProps={{ 'aria-label': t('activities.common.close') }}
        opened={planning}
        onClose={() => setPlanning(false)}
        title={t('activities.panel.plan')}
        size="lg"
      >
        <ActivityForm
          pending={create.isPending}
          error={create.error}
          onCancel={() => setPlanning(false)}
          onSubmit={(input) =>
            create.mutate(input, { onSuccess: (created) => navigate(`/app/activities/${created.id}`) })
          }
        />
      </Modal>
    </section>
  );
}
