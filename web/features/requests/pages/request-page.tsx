import '../mantine-requests.css';
import { Alert, Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useRequest } from '../api/requests.ts';
import { ActionLink, RequesterPanel, SteeringPanel } from '../components/decision-panels.tsx';
import { EligibilityPanel } from '../components/eligibility-panel.tsx';
import { RequestFacts } from '../components/request-facts.tsx';
import { AttachmentsPanel, ConversationPanel, TimelinePanel } from '../components/request-history.tsx';
import { RequestStatusBadge } from '../components/request-status-badge.tsx';
import { AssessmentSummary, ScreeningPanel } from '../components/screening-panel.tsx';

export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useRequest(id);
  const queryClient = useQueryClient();
  const title = request.data ? t('requests.number', { number: request.data.number }) : t('requests.title');
  usePageTitle(title);
  // A reload after a conflict starts the screening form afresh from the current version.
  const [reloads, setReloads] = useState(0);
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ['requests', 'detail', id] });
    setReloads((count) => count + 1);
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/app/requests" w="fit-content">
        {t('requests.backToList')}
      </Anchor>
      {request.isPending && <PageLoader />}
      {request.isError && <ErrorAlert error={request.error} />}
      {request.data && (
        <>
          <header>
            <Text size="sm" fw={600}>
              {title}
            </Text>
            <Title order={1} dir="auto">
              {request.data.title}
            </Title>
            <Group mt="sm" gap="sm">
              <RequestStatusBadge status={request.data.status} />
              <Text size="sm">
                {t('requests.detail.inState', {
                  days: t('requests.days', { count: request.data.daysInState }),
                })}
              </Text>
              {request.data.daysToDecision !== null && (
                <Text size="sm">
                  {t('requests.detail.daysToDecision', {
                    days: t('requests.days', { count: request.data.daysToDecision }),
                  })}
                </Text>
              )}
            </Group>
          </header>
          {request.data.decisionReason && (
            <Alert
              variant="light"
              color={request.data.status === 'approved' ? 'teal' : 'gray'}
              title={t('requests.detail.decision')}
            >
              <Text dir="auto">{request.data.decisionReason}</Text>
            </Alert>
          )}
          <ActionLink request={request.data} />
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="xl">
                <section aria-labelledby="facts-title">
                  <Title order={2} size="h3" id="facts-title">
                    {t('requests.detail.facts')}
                  </Title>
                  <RequestFacts request={request.data} />
                </section>
                <AttachmentsPanel request={request.data} />
                <ConversationPanel request={request.data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="xl">
                <RequesterPanel request={request.data} />
                <ScreeningPanel key={reloads} request={request.data} onReload={reload} />
                <SteeringPanel request={request.data} />
                {request.data.eligibility !== undefined && <EligibilityPanel request={request.data} />}
                <AssessmentSummary request={request.data} />
                <TimelinePanel requestId={request.data.id} />
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
