import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../../server/features/auth/auth.contract.ts';
import { isStaffRole, readsAll } from '../lib/staff-user.ts';

type Role = SessionUser['role'];

interface NavItem {
  to: string;
  /** The catalog key of the label. */
  label: string;
  shownTo: (role: Role) => boolean;
  /** Whether the item is the current section; by default any path under `to`. */
  isActive?: (pathname: string) => boolean;
}

const everyone = () => true;

/** The staff area's sections, in order, with the roles that see each. */
const items: NavItem[] = [
  { to: '/app/actions', label: 'nav.actions', shownTo: everyone },
  {
    to: '/app/requests',
    label: 'nav.requests',
    shownTo: (role) => role !== 'expert',
    isActive: (pathname) => pathname.startsWith('/app/requests') && pathname !== '/app/requests/board',
  },
  {
    to: '/app/requests/board',
    label: 'nav.board',
    shownTo: isStaffRole,
    isActive: (pathname) => pathname === '/app/requests/board',
  },
  { to: '/app/calendar', label: 'nav.calendar', shownTo: everyone },
  { to: '/app/experts', label: 'nav.experts', shownTo: readsAll },
  { to: '/app/my-work', label: 'nav.myWork', shownTo: (role) => role === 'expert' },
  { to: '/app/iati', label: 'nav.iati', shownTo: isStaffRole },
  { to: '/app/dashboard', label: 'nav.dashboard', shownTo: readsAll },
  { to: '/app/spreadsheets', label: 'nav.spreadsheets', shownTo: (role) => role !== 'expert' },
  { to: '/app/results', label: 'nav.results', shownTo: readsAll },
  { to: '/app/audit', label: 'nav.audit', shownTo: (role) => role === 'admin' },
  { to: '/app/account', label: 'nav.account', shownTo: everyone },
];

export function StaffNavigation({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      {items
        .filter((item) => item.shownTo(role))
        .map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={item.isActive ? item.isActive(pathname) : pathname.startsWith(item.to)}
            aria-current={pathname === item.to ? 'page' : undefined}
            onClick={onNavigate}
          />
        ))}
      <NavLink component={Link} to="/" label={t('nav.portal')} onClick={onNavigate} />
    </>
  );
}
