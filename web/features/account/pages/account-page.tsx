import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useSession } from '../../auth/api/session.ts';
import { useChangePassword, useEndSession, useSessions } from '../api/account.ts';

function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const short = [...newPassword].length < 12;
    setTooShort(short);
    if (!short)
      change.mutate(
        { currentPassword, newPassword },
        {
          onSuccess: () => {
            setCurrent('');
            setNew('');
          },
        },
      );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h3" id="password-heading" mb="sm">
        {t('account.password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <Text size="sm">{t('account.password.rules')}</Text>
          {change.isError && <ErrorAlert error={change.error} />}
          {change.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('account.password.changed')}
            </Alert>
          )}
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          />
          <PasswordInput
            label={t('account.password.new')}
            autoComplete="new-password"
            required
            value={newPassword}
            error={tooShort ? t('account.password.tooShort') : undefined}
            onChange={(event) => setNew(event.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          />
          <Button type="submit" loading={change.isPending}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The signed-in user's own account: sessions, password, two-factor sign-in. */
export function AccountPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('account.title'));
  const session = useSession();
  const sessions = useSessions();
  const end = useEndSession();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('account.title')}</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="sessions-heading">
        <Title order={2} size="h3" id="sessions-heading" mb="sm">
          {t('account.sessions.title')}
        </Title>
        {sessions.isPending && <PageLoader />}
        {sessions.isError && <ErrorAlert error={sessions.error} />}
        {end.isError && <ErrorAlert error={end.error} />}
        {sessions.data && (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('account.sessions.browser')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessions.opened')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessions.lastSeen')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('account.sessions.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td dir="ltr">
                      {s.userAgent ?? t('account.sessions.unknownBrowser')}{' '}
                      {s.current && <Badge variant="light">{t('account.sessions.current')}</Badge>}
                    </Table.Td>
                    <Table.Td>{when(s.createdAt)}</Table.Td>
                    <Table.Td>{when(s.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {!s.current && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => end.mutate(s.id)}
                          aria-label={t('account.sessions.endLabel', { opened: when(s.createdAt) })}
                        >
                          {t('account.sessions.end')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <PasswordSection />
      <Paper withBorder p="md" component="section" aria-labelledby="totp-heading">
        <Title order={2} size="h3" id="totp-heading" mb="sm">
          {t('account.totp.title')}
        </Title>
        <Group>
          <Text>{session.data?.twoFactor.enabled ? t('account.totp.alreadyOn') : t('account.totp.off')}</Text>
          {session.data && !session.data.twoFactor.enabled && (
            <Anchor component={Link} to="/two-factor">
              {t('account.totp.start')}
            </Anchor>
          )}
        </Group>
      </Paper>
    </Stack>
  );
}
