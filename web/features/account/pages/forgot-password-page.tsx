import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useRequestReset } from '../api/account.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.forgot.title'));
  const request = useRequestReset();
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(email.trim() === '');
    if (email.trim()) request.mutate(email.trim());
  };
  return (
    <Paper maw={420} mx="auto" p="xl" withBorder>
      <Stack>
        <Title order={1} size="h2">
          {t('account.forgot.title')}
        </Title>
        {request.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('account.forgot.sent')}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>{t('account.forgot.intro')}</Text>
              {request.isError && <ErrorAlert error={request.error} />}
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                error={missing ? t('signIn.emailRequired') : undefined}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <Button type="submit" loading={request.isPending}>
                {t('account.forgot.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Link to="/sign-in">{t('account.backToSignIn')}</Link>
      </Stack>
    </Paper>
  );
}
