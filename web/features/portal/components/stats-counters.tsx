import { Paper, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicStats } from '../../../../server/features/public/public.contract.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

/** The headline figures, as a description list: each number is read with what it counts. */
export function StatsCounters({ stats }: { stats: PublicStats }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const regions = stats.regions.filter((region) => region.ongoingActions > 0).length;
  const counters = [
    {
      key: 'ongoing',
      label: t('portal.counters.ongoing', { count: stats.ongoingActions }),
      value: stats.ongoingActions,
    },
    {
      key: 'countries',
      label: t('portal.counters.countries', { count: stats.countries }),
      value: stats.countries,
    },
    { key: 'regions', label: t('portal.counters.regions', { count: regions }), value: regions },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
      {counters.map((counter) => (
        <Paper key={counter.key} withBorder p="md" className="counter" data-counter={counter.key}>
          <dt className="counter-label">{counter.label}</dt>
          <dd className="counter-value">{formatNumber(counter.value, language)}</dd>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
