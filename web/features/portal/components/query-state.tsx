import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { Loading } from './loading.tsx';

/** An API error in the reader's language: what went wrong, in words a visitor can act on. */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = isApiError(error, 404) || isApiError(error, 400);
  const message = !isApiError(error) || error.status === 0 ? t('errors.network') : t('errors.server');
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{notFound ? t('errors.notFound') : t('errors.generic')}</p>
      <p>{notFound ? t('notFound.body') : message}</p>
    </div>
  );
}

/** Shows the loader, the error or the content of one read. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) return <QueryError error={query.error} />;
  return <Loading />;
}
