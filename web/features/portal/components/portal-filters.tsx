import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';

type Props = {
  topic: string | undefined;
  region: string | undefined;
  onChange: (change: { topic?: string | undefined; region?: string | undefined }) => void;
};

export function PortalFilters({ topic, region, onChange }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  return (
    <Group align="flex-end" gap="md" role="search" aria-label={t('portal.filters.label')}>
      <Select
        label={t('filters.topic')}
        placeholder={t('filters.allTopics')}
        data={toOptions(taxonomy.data?.topics, language)}
        value={topic ?? null}
        onChange={(value) => onChange({ topic: value ?? undefined })}
        clearable
        searchable
        nothingFoundMessage={t('filters.nothingFound')}
        clearButtonProps={{ 'aria-label': t('filters.clear') }}
        w={{ base: '100%', sm: 300 }}
      />
      <Select
        label={t('filters.region')}
        placeholder={t('filters.allRegions')}
        data={toOptions(taxonomy.data?.regions, language)}
        value={region ?? null}
        onChange={(value) => onChange({ region: value ?? undefined })}
        clearable
        clearButtonProps={{ 'aria-label': t('filters.clear') }}
        w={{ base: '100%', sm: 260 }}
      />
    </Group>
  );
}
