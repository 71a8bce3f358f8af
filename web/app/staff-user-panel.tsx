import { Badge, Button, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionUser } from '../../server/features/auth/auth.contract.ts';
import { LanguageSelect } from '../components/language-select.tsx';
import { useSignOut } from '../features/auth/api/session.ts';

/** Who is signed in, in which role (and for a partner, which institution), and the way out. */
export function StaffUserPanel({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate('/sign-in', { replace: true }));
  return (
    <Stack gap="sm">
      <Divider />
      <div data-testid="signed-in-user">
        <Text fw={600}>{user.name}</Text>
        <Badge variant="outline" color="gray.8" mt={4}>
          {t(`roles.${user.role}`)}
        </Badge>
        {user.institution && (
          <Text size="sm" mt={4}>
            {user.institution.name}
          </Text>
        )}
      </div>
      <LanguageSelect />
      <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        {t('nav.signOut')}
      </Button>
    </Stack>
  );
}
