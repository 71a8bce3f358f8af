import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDesign } from '../../../../server/features/actions/action-design.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useActionDesign } from '../api/action-workspace.ts';
import { DesignComments } from './design-comments.tsx';
import { DesignForm } from './design-form.tsx';

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <Text fw={600}>{title}</Text>
      {children}
    </div>
  );
}

function Paragraph({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Text className="prose" dir="auto">
      {text || t('actionWorkspace.common.notWritten')}
    </Text>
  );
}

function DesignView({ design }: { design: ActionDesign }) {
  const { t } = useTranslation();
  const { progress } = design;
  return (
    <Stack gap="md">
      <Block title={t('actionWorkspace.design.overallObjective')}>
        <Paragraph text={design.overallObjective} />
      </Block>
      <Block title={t('actionWorkspace.design.specificObjectives')}>
        {design.specificObjectives.length ? (
          <List type="ordered">
            {design.specificObjectives.map((objective) => (
              <List.Item key={objective}>{objective}</List.Item>
            ))}
          </List>
        ) : (
          <Paragraph text="" />
        )}
      </Block>
      <Block title={t('actionWorkspace.design.plannedDeliverables')}>
        {design.plannedDeliverables.length ? (
          <List>
            {design.plannedDeliverables.map((d) => (
              <List.Item key={`${d.type}:${d.title}`}>
                {d.title} ({t(`actionWorkspace.deliverableType.${d.type}`, { defaultValue: d.type })})
              </List.Item>
            ))}
          </List>
        ) : (
          <Paragraph text="" />
        )}
      </Block>
      <Block title={t('actionWorkspace.design.progressTitle')}>
        <Text>
          {t('actionWorkspace.design.activitiesProgress', {
            planned: design.plannedActivities ?? '–',
            total: progress.activities,
            held: progress.activitiesHeld,
          })}
        </Text>
        <Text>
          {t('actionWorkspace.design.daysProgress', {
            planned: design.plannedExpertDays ?? '–',
            deployed: progress.expertDaysDeployed,
          })}
        </Text>
      </Block>
      <Block title={t('actionWorkspace.design.partners')}>
        <Text>{design.partners.map((p) => p.acronym ?? p.name).join(', ') || t('common.none')}</Text>
      </Block>
      <Block title={t('actionWorkspace.design.lessonsLearnt')}>
        <Paragraph text={design.lessonsLearnt} />
      </Block>
      <Block title={t('actionWorkspace.design.closingSummary')}>
        <Paragraph text={design.closingSummary} />
      </Block>
      {design.statusReason && (
        <Block title={t('actionWorkspace.design.statusReason')}>
          <Paragraph text={design.statusReason} />
        </Block>
      )}
    </Stack>
  );
}

/** The design of an Action: read by all who see the Action, edited by the staff, commented on by the partner. */
export function DesignPanel({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const user = useStaffUser();
  const design = useActionDesign(actionId);
  const [editing, setEditing] = useState(false);
  if (design.isPending) return <PageLoader />;
  if (design.isError) return <ErrorAlert error={design.error} />;
  const closed = design.data.status === 'completed' || design.data.status === 'cancelled';
  const staff = isStaffRole(user.role);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('actionWorkspace.design.title')}
        </Title>
        {staff && !closed && !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('actionWorkspace.design.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <DesignForm
          key={design.data.version}
          design={design.data}
          onDone={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            void design.refetch().then(() => setEditing(true));
          }}
        />
      ) : (
        <DesignView design={design.data} />
      )}
      <DesignComments design={design.data} canComment={!closed && (staff || user.role === 'partner')} />
    </Stack>
  );
}
