import { Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  ActivityDetail,
  ActivityInput,
} from '../../../../server/features/activities/activities.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { formatDate, languageName } from '../../../lib/format.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useActivity, useUpdateActivity } from '../api/activities.ts';
import { usePlace } from '../components/activities-panel.tsx';
import { ActivityForm } from '../components/activity-form.tsx';
import { ActivityReport } from '../components/activity-report.tsx';
import { ActivityStatusBadge } from '../components/activity-status-badge.tsx';
import { ActivityVerbs } from '../components/activity-verbs.tsx';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <Text component="dt" fw={600}>
        {term}
      </Text>
      <Text component="dd">{children}</Text>
    </div>
  );
}

const OPEN = ['planned', 'confirmed', 'postponed'];

/** An activity: its facts, its status verbs, the experts on it (a panel the app composes in), its report. */
export function ActivityPage({ staffing }: { staffing?: (activity: ActivityDetail) => ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const place = usePlace();
  const user = useStaffUser();
  const { id = '' } = useParams();
  const activity = useActivity(id);
  const update = useUpdateActivity(id);
  const [editing, setEditing] = useState(false);
  usePageTitle(activity.data?.title ?? t('activities.page.title'));
  if (activity.isPending) return <PageLoader />;
  if (activity.isError) return <ErrorAlert error={activity.error} />;
  const a = activity.data;
  const staff = isStaffRole(user.role);
  const actionOpen = a.actionStatus !== 'completed' && a.actionStatus !== 'cancelled';
  const deployedHere = user.role === 'expert' && a.deployments.some((d) => d.expertId !== null);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/app/actions/${a.actionId}?tab=activities`} w="fit-content">
        {t('activities.page.backToAction', { action: a.actionName })}
      </Anchor>
      <header>
        <Title order={1} dir="auto">
          {a.title}
        </Title>
        <Group mt="sm" gap="sm">
          <ActivityStatusBadge status={a.status} />
          <Text>{t(`activities.type.${a.type}`)}</Text>
        </Group>
      </header>
      {staff && actionOpen && (
        <Group align="flex-start">
          <ActivityVerbs activity={a} />
          {OPEN.includes(a.status) && (
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                update.reset();
                setEditing(true);
              }}
            >
              {t('activities.page.edit')}
            </Button>
          )}
        </Group>
      )}
      <section aria-labelledby="activity-facts">
        <Title order={2} size="h4" id="activity-facts">
          {t('activities.page.facts')}
        </Title>
        <dl className="facts">
          <Fact term={t('activities.page.dates')}>
            {t('activities.dates', {
              start: formatDate(a.startDate, language),
              end: formatDate(a.endDate, language),
            })}
          </Fact>
          <Fact term={t('activities.form.modality')}>{t(`activities.modality.${a.modality}`)}</Fact>
          <Fact term={t('activities.table.place')}>{place(a)}</Fact>
          <Fact term={t('activities.form.workingLanguages')}>
            {a.workingLanguages.map((code) => languageName(code, language)).join(', ')}
          </Fact>
          <Fact term={t('activities.form.agenda')}>
            <span className="prose">{a.agenda || t('activities.page.noAgenda')}</span>
          </Fact>
          {a.statusReason && <Fact term={t('activities.page.statusReason')}>{a.statusReason}</Fact>}
        </dl>
      </section>
      {staffing?.(a)}
      <ActivityReport activity={a} canReport={actionOpen && (staff || deployedHere)} />
      <Modal
        closeButtonProps={{ 'aria-label': t('activities.common.close') }}
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('activities.page.edit')}
        size="lg"
      >
        <ActivityForm
          key={a.version}
          activity={a}
          pending={update.isPending}
          error={update.error}
          sent={update.variables?.patch as ActivityInput | undefined}
          onCancel={() => setEditing(false)}
          onReload={() => {
            update.reset();
            void activity.refetch();
          }}
          onSubmit={(input, version) =>
            update.mutate(
              { patch: input, version: version ?? a.version },
              { onSuccess: () => setEditing(false) },
            )
          }
        />
      </Modal>
    </Stack>
  );
}
