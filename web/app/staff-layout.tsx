import './mantine-staff.css';
import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/page-loader.tsx';
import { mainContentId, SkipLink } from '../components/skip-link.tsx';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { readsAll, type StaffContext } from '../lib/staff-user.ts';
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
                <NavLink
                  component={Link}
                  to="/app/calendar"
                  label={t('nav.calendar')}
                  active={pathname.startsWith('/app/calendar')}
                  aria-current={pathname === '/app/calendar' ? 'page' : undefined}
                  onClick={close}
                />
                {readsAll(user.role) && (
                  <NavLink
                    component={Link}
                    to="/app/experts"
                    label={t('nav.experts')}
                    active={pathname.startsWith('/app/experts')}
                    aria-current={pathname === '/app/experts' ? 'page' : undefined}
                    onClick={close}
                  />
                )}
                {user.role === 'expert' && (
                  <NavLink
                    component={Link}
                    to="/app/my-work"
                    label={t('nav.myWork')}
                    active={pathname.startsWith('/app/my-work')}
                    aria-current={pathname === '/app/my-work' ? 'page' : undefined}
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
                <Outlet context={{ user } satisfies StaffContext} />
              </Suspense>
            </AppShell.Main>
          </AppShell>
        </>
      )}
    </RequireSession>
  );
}
