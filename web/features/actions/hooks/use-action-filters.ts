import { useSearchParams } from 'react-router';
import { type ActionStatus, actionStatuses } from '../../../lib/action-status.ts';

export type ActionFilters = {
  status?: ActionStatus;
  topic?: string;
  region?: string;
  country?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export type FilterKey = 'status' | 'topic' | 'region' | 'country' | 'q';
export const filterKeys: readonly FilterKey[] = ['status', 'topic', 'region', 'country', 'q'];
export const pageSizes = [10, 25, 50, 100] as const;

function isStatus(value: string | null): value is ActionStatus {
  return (actionStatuses as readonly (string | null)[]).includes(value);
}

/**
 * The Actions list's filters live in the URL query string: a filtered list can be bookmarked,
 * shared and reached again with the back button.
 */
export function useActionFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const pageSize = Number(params.get('pageSize'));
  const filters: ActionFilters = {
    status: isStatus(status) ? status : undefined,
    topic: params.get('topic') || undefined,
    region: params.get('region') || undefined,
    country: params.get('country') || undefined,
    q: params.get('q') || undefined,
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : 25,
  };

  const update = (change: Partial<Record<FilterKey | 'page' | 'pageSize', string | number | undefined>>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in change) || change.page === 1) next.delete('page'); // new filters: first page
        return next;
      },
      { replace: !('page' in change), preventScrollReset: true },
    );
  };

  const clear = () => setParams(new URLSearchParams(), { replace: true });
  const active = filterKeys.some((key) => filters[key] !== undefined);
  return { filters, update, clear, active, search: params.toString() };
}
