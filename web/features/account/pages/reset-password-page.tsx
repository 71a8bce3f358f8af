import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useConfirmReset } from '../api/account.ts';

/** The page a reset mail links to; the token is in the address's fragment, never sent to a server log. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.reset.title'));
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  const confirm = useConfirmReset();
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const short = [...password].length < 12;
    setTooShort(short);
    if (!short) confirm.mutate({ token, password });
  };
  return (
    <Paper maw={420} mx="auto" p="xl" withBorder>
      <Stack>
        <Title order={1} size="h2">
          {t('account.reset.title')}
        </Title>
        {confirm.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('account.reset.done')}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>{t('account.password.rules')}</Text>
              {confirm.isError && <ErrorAlert error={confirm.error} />}
              <PasswordInput
                label={t('account.password.new')}
                autoComplete="new-password"
                required
                value={password}
                error={tooShort ? t('account.password.tooShort') : undefined}
                onChange={(event) => setPassword(event.currentTarget.value)}
                visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
              />
              <Button type="submit" loading={confirm.isPending} disabled={!token}>
                {t('account.reset.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Link to="/sign-in">{t('account.backToSignIn')}</Link>
      </Stack>
    </Paper>
  );
}
