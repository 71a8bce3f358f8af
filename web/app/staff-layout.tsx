import './mantine-staff.css';
import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { PageLoader } from '../components/page-loader.tsx';
import { mainContentId, SkipLink } from '../components/skip-link.tsx';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { NotificationsLink } from '../features/notifications/components/notifications-link.tsx';
import type { StaffContext } from '../lib/staff-user.ts';
import { StaffNavigation } from './staff-navigation.tsx';
import { StaffUserPanel } from './staff-user-panel.tsx';
import { useFocusMainOnNavigate } from './use-focus-main.ts';

/** The signed-in area: a header, the navigation with who is signed in, and the page. */
export function StaffLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(mainRef);

  return (
    <RequireSession>
      {(user) => (
        <>
          <SkipLink />
          <AppShell
            header={{ height: 60 }}
            navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
            padding="lg"
          >
            <AppShell.Header>
              <Group h="100%" px="md" gap="sm">
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={t('nav.toggle')}
                  aria-expanded={opened}
                  aria-controls="staff-navigation"
                />
                <Link to="/app/actions" className="brand">
                  {t('app.name')}
                </Link>
                <Text size="sm">{t('nav.staffArea')}</Text>
                <NotificationsLink />
              </Group>
            </AppShell.Header>
            <AppShell.Navbar p="md" id="staff-navigation" aria-label={t('nav.staff')}>
              <AppShell.Section grow>
                <StaffNavigation role={user.role} onNavigate={close} />
              </AppShell.Section>
              <AppShell.Section>
                <StaffUserPanel user={user} />
              </AppShell.Section>
            </AppShell.Navbar>
            <AppShell.Main id={mainContentId} ref={mainRef} tabIndex={-1}>
              <Suspense fallback={<PageLoader />}>
                <Outlet context={{ user } satisfies StaffContext} />
              </Suspense>
            </AppShell.Main>
          </AppShell>
        </>
      )}
    </RequireSession>
  );
}
