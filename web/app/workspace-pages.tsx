import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/use-page-title.ts';
import { ActionPage } from '../features/actions/pages/action-page.tsx';
import { ActivitiesPanel } from '../features/activities/components/activities-panel.tsx';
import { ActivityPage } from '../features/activities/pages/activity-page.tsx';
import { DeliverablesPanel } from '../features/deliverables/components/deliverables-panel.tsx';
import { MyDeliverables } from '../features/deliverables/components/my-deliverables.tsx';
import { ActivityExpertsPanel } from '../features/experts/components/activity-experts-panel.tsx';
import { MyAssignments } from '../features/experts/components/my-assignments.tsx';
import { ParticipantsPanel } from '../features/participants/components/participants-panel.tsx';
import { FicheDownload } from '../features/reporting/components/fiche-download.tsx';
import { LearningPanel } from '../features/results/components/learning-panel.tsx';
import { ResultsPanel } from '../features/results/components/results-panel.tsx';

// The Action workspace brings several features together; they meet here, at the app level, so
// that no feature imports another.

const closed = (status: string) => status === 'completed' || status === 'cancelled';

export function ActionWorkspacePage() {
  return (
    <ActionPage
      panels={{
        activities: (action) => <ActivitiesPanel actionId={action.id} closed={closed(action.status)} />,
        deliverables: (action) => <DeliverablesPanel actionId={action.id} closed={closed(action.status)} />,
        results: (action) => <ResultsPanel actionId={action.id} closed={closed(action.status)} />,
        tools: (action) => <FicheDownload actionId={action.id} code={action.code} />,
      }}
    />
  );
}

export function ActivityWorkspacePage() {
  return (
    <ActivityPage
      staffing={(activity) => (
        <>
          <ActivityExpertsPanel activity={activity} />
          <ParticipantsPanel activity={activity} />
          <LearningPanel activity={activity} />
        </>
      )}
    />
  );
}

/** What an expert who signs in works on: their assignments and their deliverables. */
export function MyWorkPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.myWork'));
  return (
    <Stack gap="xl">
      <Title order={1}>{t('nav.myWork')}</Title>
      <MyAssignments />
      <MyDeliverables />
    </Stack>
  );
}
