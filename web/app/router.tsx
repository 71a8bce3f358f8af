import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from '../features/portal/components/loading.tsx';
import { PortalNotFound } from '../features/portal/pages/not-found-page.tsx';
import { portalRoutes } from '../features/portal/portal-routes.tsx';
import { PublicLayout } from './public-layout.tsx';
import { RouteError } from './route-error.tsx';

// Each page is its own chunk. The public portal loads neither Mantine nor the staff shell: both come
// with MantineRoot, which only the sign-in page and the staff area use.
const MantineRoot = lazy(() => import('./mantine-root.tsx').then((m) => ({ default: m.MantineRoot })));
const SignInPage = lazy(() =>
  import('../features/auth/pages/sign-in-page.tsx').then((m) => ({ default: m.SignInPage })),
);
const StaffLayout = lazy(() => import('./staff-layout.tsx').then((m) => ({ default: m.StaffLayout })));
const NotFoundPage = lazy(() => import('./not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })));
const ActionsListPage = lazy(() =>
  import('../features/actions/pages/actions-list-page.tsx').then((m) => ({ default: m.ActionsListPage })),
);
const ActionWorkspacePage = lazy(() =>
  import('./workspace-pages.tsx').then((m) => ({ default: m.ActionWorkspacePage })),
);
const ActivityWorkspacePage = lazy(() =>
  import('./workspace-pages.tsx').then((m) => ({ default: m.ActivityWorkspacePage })),
);
const MyWorkPage = lazy(() => import('./workspace-pages.tsx').then((m) => ({ default: m.MyWorkPage })));
const CalendarPage = lazy(() =>
  import('../features/activities/pages/calendar-page.tsx').then((m) => ({ default: m.CalendarPage })),
);
const ExpertsPage = lazy(() =>
  import('../features/experts/pages/experts-page.tsx').then((m) => ({ default: m.ExpertsPage })),
);
const ExpertPage = lazy(() =>
  import('../features/experts/pages/expert-page.tsx').then((m) => ({ default: m.ExpertPage })),
);
const DeliverablePage = lazy(() =>
  import('../features/deliverables/pages/deliverable-page.tsx').then((m) => ({ default: m.DeliverablePage })),
);
const IatiPage = lazy(() =>
  import('../features/iati/pages/iati-page.tsx').then((m) => ({ default: m.IatiPage })),
);

const RequestsListPage = lazy(() =>
  import('../features/requests/pages/requests-list-page.tsx').then((m) => ({ default: m.RequestsListPage })),
);
const NewRequestPage = lazy(() =>
  import('../features/requests/pages/request-form-page.tsx').then((m) => ({ default: m.NewRequestPage })),
);
const EditRequestPage = lazy(() =>
  import('../features/requests/pages/request-form-page.tsx').then((m) => ({ default: m.EditRequestPage })),
);
const RequestPage = lazy(() =>
  import('../features/requests/pages/request-page.tsx').then((m) => ({ default: m.RequestPage })),
);
const RequestsBoardPage = lazy(() =>
  import('../features/requests/pages/board-page.tsx').then((m) => ({ default: m.BoardPage })),
);
const PortfolioResultsPage = lazy(() =>
  import('../features/results/pages/portfolio-results-page.tsx').then((m) => ({
    default: m.PortfolioResultsPage,
  })),
);
const DashboardPage = lazy(() =>
  import('../features/reporting/pages/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
);
const SpreadsheetsPage = lazy(() =>
  import('../features/reporting/pages/spreadsheets-page.tsx').then((m) => ({ default: m.SpreadsheetsPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/pages/notifications-page.tsx').then((m) => ({
    default: m.NotificationsPage,
  })),
);

const TwoFactorPage = lazy(() =>
  import('../features/account/pages/two-factor-page.tsx').then((m) => ({ default: m.TwoFactorPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../features/account/pages/forgot-password-page.tsx').then((m) => ({
    default: m.ForgotPasswordPage,
  })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/account/pages/reset-password-page.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
const AccountPage = lazy(() =>
  import('../features/account/pages/account-page.tsx').then((m) => ({ default: m.AccountPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/pages/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);

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
