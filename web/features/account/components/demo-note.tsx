import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignInOptions } from '../api/account.ts';

/** On the sign-in page in demo mode: the demo accounts sign in without a second factor. */
export function DemoNote() {
  const { t } = useTranslation();
  const options = useSignInOptions();
  if (!options.data?.demo) return null;
  return (
    <Alert variant="light" color="blue" title={t('account.demo.title')} mb="md">
      {t('account.demo.text')}
    </Alert>
  );
}
