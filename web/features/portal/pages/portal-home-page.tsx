import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { usePublicStats } from '../api/public-stats.ts';
import { OngoingActions } from '../components/ongoing-actions.tsx';
import { RegionFigures } from '../components/region-figures.tsx';
import { StatsCounters } from '../components/stats-counters.tsx';
import { TopicShares } from '../components/topic-shares.tsx';

export function PortalHomePage() {
  const { t } = useTranslation();
  const stats = usePublicStats();
  usePageTitle(t('portal.title'));
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('portal.heading')}</Title>
        <Text size="lg" mt="sm" className="prose">
          {t('portal.intro')}
        </Text>
      </div>
      <section aria-labelledby="facility-figures">
        <Title order={2} id="facility-figures" mb="md">
          {t('portal.figures')}
        </Title>
        {stats.isPending && <PageLoader />}
        {stats.isError && <ErrorAlert error={stats.error} />}
        {stats.data && (
          <Stack gap="xl">
            <StatsCounters stats={stats.data} />
            <div>
              <Title order={3} mb="xs" id="topic-shares">
                {t('portal.topics.title')}
              </Title>
              <TopicShares topics={stats.data.topics} />
            </div>
            <div>
              <Title order={3} mb="xs">
                {t('portal.regions.title')}
              </Title>
              <RegionFigures regions={stats.data.regions} />
            </div>
          </Stack>
        )}
      </section>
      <OngoingActions />
    </Stack>
  );
}
