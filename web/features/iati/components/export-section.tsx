import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api/iati.ts';

/** Links to the published file and to the complete one; the server streams both. */
export function ExportSection() {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="iati-export" gap="sm">
      <Title order={2} id="iati-export">
        {t('iati.export.heading')}
      </Title>
      <Text>{t('iati.export.text')}</Text>
      <Group>
        <Button component="a" href={exportUrl(false)} download="iati-activities.xml">
          {t('iati.export.public')}
        </Button>
        <Button component="a" href={exportUrl(true)} download="iati-activities-all.xml" variant="light">
          {t('iati.export.all')}
        </Button>
      </Group>
    </Stack>
  );
}
