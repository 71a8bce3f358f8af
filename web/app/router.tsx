import { type ComponentType, isValidElement, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from '../features/portal/components/loading.tsx';
import { PortalNotFound } from '../features/portal/pages/not-found-page.tsx';
import { portalRoutes } from '../features/portal/portal-routes.tsx';
import { type CatalogArea, loadCatalogs } from '../lib/i18n.ts';
import { PublicLayout } from './public-layout.tsx';
import { RouteError } from './route-error.tsx';

/**
 * A page as a chunk of its own, loaded with the message catalogs of the areas (features) it shows:
 * it renders only once both are there, so a first visit downloads the catalogs of its own page only
 * and never shows a key in place of a message.
 */
function page<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
  areas: readonly CatalogArea[] = [],
) {
  // Loaded once, whether React asks first or preloadStaffPage does.
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  const loadPage = () =>
    (loading ??= Promise.all([load(), loadCatalogs(areas)]).then(([module]) => ({ default: module[name] })));
  const Page = lazy(loadPage);
  pageLoads.set(Page, loadPage);
  return Page;
}
const pageLoads = new WeakMap<object, () => Promise<unknown>>();

/** The Action and Activity workspaces bring these features' panels together. */
const workspaceAreas = [
  'actions',
  'activities',
  'deliverables',
  'experts',
  'participants',
  'reporting',
  'results',
] as const;

// Each page is its own chunk. The public portal loads neither Mantine nor the staff shell: both come
// with MantineRoot, which only the sign-in page and the staff area use.
const MantineRoot = page(() => import('./mantine-root.tsx'), 'MantineRoot');
const SignInPage = page(() => import('../features/auth/pages/sign-in-page.tsx'), 'SignInPage', ['account']);
const StaffLayout = page(() => import('./staff-layout.tsx'), 'StaffLayout', ['notifications']);
const NotFoundPage = page(() => import('./not-found-page.tsx'), 'NotFoundPage');
const ActionsListPage = page(
  () => import('../features/actions/pages/actions-list-page.tsx'),
  'ActionsListPage',
);
const ActionWorkspacePage = page(
  () => import('./workspace-pages.tsx'),
  'ActionWorkspacePage',
  workspaceAreas,
);
const ActivityWorkspacePage = page(
  () => import('./workspace-pages.tsx'),
  'ActivityWorkspacePage',
  workspaceAreas,
);
const MyWorkPage = page(() => import('./workspace-pages.tsx'), 'MyWorkPage', workspaceAreas);
const CalendarPage = page(() => import('../features/activities/pages/calendar-page.tsx'), 'CalendarPage', [
  'activities',
]);
const ExpertsPage = page(() => import('../features/experts/pages/experts-page.tsx'), 'ExpertsPage', [
  'experts',
]);
const ExpertPage = page(() => import('../features/experts/pages/expert-page.tsx'), 'ExpertPage', ['experts']);
const DeliverablePage = page(
  () => import('../features/deliverables/pages/deliverable-page.tsx'),
  'DeliverablePage',
  ['deliverables'],
);
const IatiPage = page(() => import('../features/iati/pages/iati-page.tsx'), 'IatiPage', ['iati']);

const RequestsListPage = page(
  () => import('../features/requests/pages/requests-list-page.tsx'),
  'RequestsListPage',
  ['requests'],
);
const NewRequestPage = page(
  () => import('../features/requests/pages/request-form-page.tsx'),
  'NewRequestPage',
  ['requests'],
);
const EditRequestPage = page(
  () => import('../features/requests/pages/request-form-page.tsx'),
  'EditRequestPage',
  ['requests'],
);
const RequestPage = page(() => import('../features/requests/pages/request-page.tsx'), 'RequestPage', [
  'requests',
]);
const RequestsBoardPage = page(() => import('../features/requests/pages/board-page.tsx'), 'BoardPage', [
  'requests',
]);
const PortfolioResultsPage = page(
  () => import('../features/results/pages/portfolio-results-page.tsx'),
  'PortfolioResultsPage',
  ['results'],
);
const DashboardPage = page(() => import('../features/reporting/pages/dashboard-page.tsx'), 'DashboardPage', [
  'reporting',
]);
const SpreadsheetsPage = page(
  () => import('../features/reporting/pages/spreadsheets-page.tsx'),
  'SpreadsheetsPage',
  ['reporting'],
);
const NotificationsPage = page(
  () => import('../features/notifications/pages/notifications-page.tsx'),
  'NotificationsPage',
  ['notifications'],
);

const TwoFactorPage = page(() => import('../features/account/pages/two-factor-page.tsx'), 'TwoFactorPage', [
  'account',
]);
const ForgotPasswordPage = page(
  () => import('../features/account/pages/forgot-password-page.tsx'),
  'ForgotPasswordPage',
  ['account'],
);
const ResetPasswordPage = page(
  () => import('../features/account/pages/reset-password-page.tsx'),
  'ResetPasswordPage',
  ['account'],
);
const AccountPage = page(() => import('../features/account/pages/account-page.tsx'), 'AccountPage', [
  'account',
]);
const AuditPage = page(() => import('../features/audit/pages/audit-page.tsx'), 'AuditPage', ['audit']);

export const router = createBrowserRouter([
  {
    path: '/',
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      ...portalRoutes,
      {
        element: <MantineRoot />,
        children: [
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'two-factor', element: <TwoFactorPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
        ],
      },
      { path: '*', element: <PortalNotFound /> },
    ],
  },
  {
    path: '/app',
    element: (
      <Suspense fallback={<Loading />}>
        <MantineRoot>
          <StaffLayout />
        </MantineRoot>
      </Suspense>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="actions" replace /> },
      { path: 'actions', element: <ActionsListPage /> },
      { path: 'iati', element: <IatiPage /> },
      { path: 'requests', element: <RequestsListPage /> },
      { path: 'requests/new', element: <NewRequestPage /> },
      { path: 'requests/board', element: <RequestsBoardPage /> },
      { path: 'requests/:id', element: <RequestPage /> },
      { path: 'requests/:id/edit', element: <EditRequestPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'actions/:id', element: <ActionWorkspacePage /> },
      { path: 'activities/:id', element: <ActivityWorkspacePage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'experts', element: <ExpertsPage /> },
      { path: 'experts/:id', element: <ExpertPage /> },
      { path: 'deliverables/:id', element: <DeliverablePage /> },
      { path: 'my-work', element: <MyWorkPage /> },
      { path: 'results', element: <PortfolioResultsPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'spreadsheets', element: <SpreadsheetsPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: '*', element: <NotFoundPage home="/app/actions" /> },
    ],
  },
]);

/**
 * Starts loading the staff shell and the page at this address, with their catalogs, side by side.
 * React loads a lazy page when it first draws it, so the page's chunk was asked for only once the
 * shell had come and the session had been read: one round trip after another on a slow connection.
 * A load that fails fails again where React draws the page, which shows the error.
 */
export function preloadStaffPage() {
  const element = router.state.matches.at(-1)?.route.element;
  const pages = [MantineRoot, StaffLayout, isValidElement(element) ? element.type : undefined];
  for (const component of pages) {
    const load = typeof component === 'object' ? pageLoads.get(component) : undefined;
    load?.().catch(() => {});
  }
}
