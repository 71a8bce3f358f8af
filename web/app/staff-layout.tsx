import './mantine-staff.css';
import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/page-loader.tsx';
import { mainContentId, SkipLink } from '../components/skip-link.tsx';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { NotificationsLink } from '../features/notifications/components/notifications-link.tsx';
import { StaffUserPanel } from './staff-user-panel.tsx';
import { useFocusMainOnNavigate } from './use-focus-main.ts';

/** The signed-in area: a header, the navigation with who is signed in, and the page. */
export function StaffLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
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
                <NavLink
                  component={Link}
                  to="/app/actions"
                  label={t('nav.actions')}
                  active={pathname.startsWith('/app/actions')}
                  aria-current={pathname === '/app/actions' ? 'page' : undefined}
                  onClick={close}
                />
                {(user.role === 'admin' || user.role === 'officer') && (
                  <NavLink
                    component={Link}
                    to="/app/iati"
                    label={t('nav.iati')}
                    active={pathname.startsWith('/app/iati')}
                    aria-current={pathname === '/app/iati' ? 'page' : undefined}
                    onClick={close}
                  />
                )}
                {user.role !== 'expert' && (
                  <NavLink
                    component={Link}
                    to="/app/requests"
                    label={t('requests.nav.requests')}
                    active={pathname.startsWith('/app/requests') && pathname !== '/app/requests/board'}
                    aria-current={pathname === '/app/requests' ? 'page' : undefined}
                    onClick={close}
                  />
                )}
                {(user.role === 'officer' || user.role === 'admin') && (
                  <NavLink
                    component={Link}
                    to="/app/requests/board"
                    label={t('requests.nav.board')}
                    active={pathname === '/app/requests/board'}
                    aria-current={pathname === '/app/requests/board' ? 'page' : undefined}
                    onClick={close}
                  />
                )}
                <NavLink component={Link} to="/" label={t('nav.portal')} onClick={close} />
              </AppShell.Section>
              <AppShell.Section>
                <StaffUserPanel user={user} />
              </AppShell.Section>
            </AppShell.Navbar>
            <AppShell.Main id={mainContentId} ref={mainRef} tabIndex={-1}>
              <Suspense fallback={<PageLoader />}>
                <Outlet />
              </Suspense>
            </AppShell.Main>
          </AppShell>
        </>
      )}
    </RequireSession>
  );
}
