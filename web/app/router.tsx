import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PageLoader } from '../components/page-loader.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PublicLayout } from './public-layout.tsx';
import { RouteError } from './route-error.tsx';

// Each page is its own chunk; the staff shell and its pages never load on the public portal.
const PortalHomePage = lazy(() =>
  import('../features/portal/pages/portal-home-page.tsx').then((m) => ({ default: m.PortalHomePage })),
);
const PublicActionPage = lazy(() =>
  import('../features/portal/pages/public-action-page.tsx').then((m) => ({ default: m.PublicActionPage })),
);
const SignInPage = lazy(() =>
  import('../features/auth/pages/sign-in-page.tsx').then((m) => ({ default: m.SignInPage })),
);
const StaffLayout = lazy(() => import('./staff-layout.tsx').then((m) => ({ default: m.StaffLayout })));
const ActionsListPage = lazy(() =>
  import('../features/actions/pages/actions-list-page.tsx').then((m) => ({ default: m.ActionsListPage })),
);
const ActionPage = lazy(() =>
  import('../features/actions/pages/action-page.tsx').then((m) => ({ default: m.ActionPage })),
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
const NotificationsPage = lazy(() =>
  import('../features/notifications/pages/notifications-page.tsx').then((m) => ({
    default: m.NotificationsPage,
  })),
);

export const router = createBrowserRouter([
  {
    path: '/',
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: 'actions/:id', element: <PublicActionPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/app',
    element: (
      <Suspense fallback={<PageLoader />}>
        <StaffLayout />
      </Suspense>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="actions" replace /> },
      { path: 'actions', element: <ActionsListPage /> },
      { path: 'actions/:id', element: <ActionPage /> },
      { path: 'iati', element: <IatiPage /> },
      { path: 'requests', element: <RequestsListPage /> },
      { path: 'requests/new', element: <NewRequestPage /> },
      { path: 'requests/board', element: <RequestsBoardPage /> },
      { path: 'requests/:id', element: <RequestPage /> },
      { path: 'requests/:id/edit', element: <EditRequestPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: '*', element: <NotFoundPage home="/app/actions" /> },
    ],
  },
]);
