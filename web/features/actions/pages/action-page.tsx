import { Anchor, Group, Stack, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { ActionDetail } from '../../../../server/features/actions/actions.contract.ts';
import { ActionDetails, ActionHeader } from '../../../components/action-details.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useAction } from '../api/actions.ts';
import { ActionTimeline } from '../components/action-timeline.tsx';
import { ActionVerbs } from '../components/action-verbs.tsx';
import { DesignPanel } from '../components/design-panel.tsx';

/** Panels that other features bring to the Action's workspace (composed by the app). */
export type ActionPanels = {
  activities?: (action: ActionDetail) => ReactNode;
  deliverables?: (action: ActionDetail) => ReactNode;
  results?: (action: ActionDetail) => ReactNode;
  /** Tools shown under the Action's overview, such as the download of its fiche. */
  tools?: (action: ActionDetail) => ReactNode;
};

const tabs = ['overview', 'design', 'activities', 'deliverables', 'results', 'timeline'] as const;
type Tab = (typeof tabs)[number];

/** An Action's workspace: its facts, design, activities, deliverables and timeline, one tab each. */
export function ActionPage({ panels = {} }: { panels?: ActionPanels }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const user = useStaffUser();
  const [params, setParams] = useSearchParams();
  const action = useAction(id);
  usePageTitle(action.data?.name ?? t('action.pageTitle'));
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  const requested = params.get('tab');
  const tab: Tab = (tabs as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'overview';

  return (
    <Stack>
      <Anchor
        component={Link}
        to={listSearch ? `/app/actions?${listSearch}` : '/app/actions'}
        w="fit-content"
      >
        {t('actions.backToList')}
      </Anchor>
      {action.isPending && <PageLoader />}
      {action.isError && <ErrorAlert error={action.error} />}
      {action.data && <ActionHeader action={action.data} />}
      {action.data && (
        <Tabs
          value={tab}
          onChange={(value) =>
            setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
          }
          keepMounted={false}
        >
          <Tabs.List aria-label={t('actionWorkspace.tabs.label')}>
            {tabs.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`actionWorkspace.tabs.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="lg">
            <Stack>
              <ActionDetails action={action.data} withHeader={false} />
              {panels.tools?.(action.data)}
              {isStaffRole(user.role) && (
                <Group>
                  <ActionVerbs actionId={action.data.id} status={action.data.status} />
                </Group>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="design" pt="lg">
            <DesignPanel actionId={action.data.id} />
          </Tabs.Panel>
          <Tabs.Panel value="activities" pt="lg">
            {panels.activities?.(action.data)}
          </Tabs.Panel>
          <Tabs.Panel value="deliverables" pt="lg">
            {panels.deliverables?.(action.data)}
          </Tabs.Panel>
          <Tabs.Panel value="results" pt="lg">
            {panels.results?.(action.data)}
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="lg">
            <ActionTimeline actionId={action.data.id} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
