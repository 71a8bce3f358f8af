import { Alert, Button, Code, Image, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { useSession } from '../../auth/api/session.ts';
import { useTotpConfirm, useTotpSetup } from '../api/account.ts';

/** Setting up two-factor sign-in: scan the QR code, confirm a code, keep the recovery codes. */
export function TwoFactorPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.totp.title'));
  const session = useSession();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  if (session.isPending) return <PageLoader />;
  if (isApiError(session.error, 401)) return <Navigate to="/sign-in" replace />;
  if (session.isError) return <ErrorAlert error={session.error} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = /^\d{6}$/.test(code.trim());
    setInvalid(!ok);
    if (ok) confirm.mutate(code.trim());
  };

  return (
    <Paper maw={560} mx="auto" p="xl" withBorder>
      <Stack>
        <Title order={1} size="h2">
          {t('account.totp.title')}
        </Title>
        {confirm.data ? (
          <>
            <Alert color="green" variant="light" role="status" title={t('account.totp.done')}>
              {t('account.totp.recoveryIntro')}
            </Alert>
            <List aria-label={t('account.totp.recoveryCodes')}>
              {confirm.data.recoveryCodes.map((c) => (
                <List.Item key={c}>
                  <Code>{c}</Code>
                </List.Item>
              ))}
            </List>
            <Button component={Link} to="/app/actions">
              {t('account.totp.continue')}
            </Button>
          </>
        ) : session.data.twoFactor.enabled ? (
          <Text>{t('account.totp.alreadyOn')}</Text>
        ) : (
          <>
            <Text>
              {session.data.twoFactor.enrolmentRequired
                ? t('account.totp.required')
                : t('account.totp.intro')}
            </Text>
            {setup.isError && <ErrorAlert error={setup.error} />}
            {!setup.data ? (
              <Button onClick={() => setup.mutate()} loading={setup.isPending}>
                {t('account.totp.start')}
              </Button>
            ) : (
              <form onSubmit={submit} noValidate>
                <Stack>
                  <Text>{t('account.totp.scan')}</Text>
                  <Image src={setup.data.qrDataUrl} alt={t('account.totp.qrAlt')} w={240} h={240} />
                  <Text size="sm">
                    {t('account.totp.manual')} <Code>{setup.data.secret}</Code>
                  </Text>
                  {confirm.isError && <ErrorAlert error={confirm.error} />}
                  <TextInput
                    label={t('account.totp.code')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    required
                    value={code}
                    error={invalid ? t('account.totp.codeInvalid') : undefined}
                    onChange={(event) => setCode(event.currentTarget.value)}
                  />
                  <Button type="submit" loading={confirm.isPending}>
                    {t('account.totp.confirm')}
                  </Button>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
