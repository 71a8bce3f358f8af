import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client.ts';

/** A read the server made for a page: its answer, or the error the API gave. */
export type SeededQuery =
  | { queryKey: readonly unknown[]; data: unknown }
  | { queryKey: readonly unknown[]; error: { status: number; code: string; message: string } };

/**
 * Puts the server's answers into a query cache as if they had just been fetched, errors included
 * (a page for an Action that does not exist renders its "not found" message on both sides).
 */
export function seedQueries(client: QueryClient, queries: readonly SeededQuery[]) {
  for (const entry of queries) {
    if ('data' in entry) {
      client.setQueryData(entry.queryKey, entry.data);
      continue;
    }
    const query = client.getQueryCache().build(client, { queryKey: entry.queryKey });
    query.setState({
      status: 'error',
      fetchStatus: 'idle',
      error: new ApiError(entry.error.status, entry.error.code, entry.error.message),
      errorUpdatedAt: Date.now(),
    });
  }
}
