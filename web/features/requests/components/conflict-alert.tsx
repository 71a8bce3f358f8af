import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Someone else saved first (412): say so, and offer to load the current version. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('requests.conflict.title')} role="alert">
      {t('requests.conflict.body')}
      <Button mt="sm" variant="default" onClick={onReload} display="block">
        {t('requests.conflict.reload')}
      </Button>
    </Alert>
  );
}
