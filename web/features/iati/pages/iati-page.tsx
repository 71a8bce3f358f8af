import '../iati.css';
import { Divider, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { ExportSection } from '../components/export-section.tsx';
import { ExternalActivitiesSection } from '../components/external-activities-section.tsx';
import { ImportSection } from '../components/import-section.tsx';
import { ProblemsSection } from '../components/problems-section.tsx';

/** The staff page for IATI: publish, check before publishing, import what others publish. */
export function IatiPage() {
  const { t } = useTranslation();
  usePageTitle(t('iati.title'));
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{t('iati.title')}</Title>
        <Text>{t('iati.intro')}</Text>
      </Stack>
      <ExportSection />
      <Divider />
      <ProblemsSection />
      <Divider />
      <ImportSection />
      <Divider />
      <ExternalActivitiesSection />
    </Stack>
  );
}
