import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignInOptions } from '../api/account.ts';

/** On the sign-in page in demo mode: the demo accounts sign in without a second factor. */
export function DemoNote() {
  const { t } = useTranslation();
  const options = useSignInOptions();
  if (!options.data?.demo) return null;
  // A standing note, not an alert: screen readers should not interrupt with it, and the page's one
  // alert stays the sign-in error.
  return (
    <Alert variant="light" color="blue" title={t('account.demo.title')} mb="md" role="note">
      {t('account.demo.text')}
    </Alert>
  );
}
