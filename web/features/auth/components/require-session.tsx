import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { SessionUser } from '../../../../server/features/auth/auth.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useSession } from '../api/session.ts';

/** Renders its children for a signed-in user; sends anyone else to the sign-in page and back. */
export function RequireSession({ children }: { children: (user: SessionUser) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (isApiError(session.error, 401)) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (session.isError) return <ErrorAlert error={session.error} />;
  // A role that requires two-factor sign-in sets it up before anything else.
  if (session.data.twoFactor.enrolmentRequired) return <Navigate to="/two-factor" replace />;
  return <>{children(session.data.user)}</>;
}
