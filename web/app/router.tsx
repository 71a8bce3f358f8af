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
const ActionPage = lazy(() =>
  import('../features/actions/pages/action-page.tsx').then((m) => ({ default: m.ActionPage })),
);

export const router = createBrowserRouter([
  {
    path: '/',
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      ...portalRoutes,
      { element: <MantineRoot />, children: [{ path: 'sign-in', element: <SignInPage /> }] },
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
      { path: 'actions/:id', element: <ActionPage /> },
      { path: '*', element: <NotFoundPage home="/app/actions" /> },
    ],
  },
]);
