import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { DemoNote } from '../../account/components/demo-note.tsx';
import { SignInForm } from '../components/sign-in-form.tsx';

/** Only paths inside the staff area are followed after sign-in, never another site. */
function safeNext(next: string | null) {
  return next?.startsWith('/app/') ? next : '/app/actions';
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  usePageTitle(t('signIn.title'));
  return (
    <Paper maw={420} mx="auto" p="xl" withBorder>
      <Title order={1} size="h2">
        {t('signIn.title')}
      </Title>
      <Text mt="xs" mb="lg">
        {t('signIn.intro')}
      </Text>
      <DemoNote />
      <SignInForm
        onSignedIn={(session) =>
          navigate(session.twoFactor.enrolmentRequired ? '/two-factor' : safeNext(searchParams.get('next')), {
            replace: true,
          })
        }
      />
    </Paper>
  );
}
