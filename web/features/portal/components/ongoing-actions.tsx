import { SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ListPagination } from '../../../components/list-pagination.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePublicActions } from '../api/public-actions.ts';
import { PortalFilters } from './portal-filters.tsx';
import { PublicActionCard } from './public-action-card.tsx';

const pageSize = 12;

/** The ongoing Actions, filtered by topic and region; the filters live in the URL to be shared. */
export function OngoingActions() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic') ?? undefined;
  const region = params.get('region') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const actions = usePublicActions({ status: 'ongoing', topic, region, page, pageSize });

  const update = (change: Record<string, string | number | undefined>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in change)) next.delete('page'); // a new filter starts at the first page
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  return (
    <section aria-labelledby="ongoing-actions">
      <Title order={2} id="ongoing-actions" mb="md">
        {t('portal.actions.title')}
      </Title>
      <PortalFilters topic={topic} region={region} onChange={update} />
      {actions.isError && <ErrorAlert error={actions.error} />}
      {actions.isPending && <PageLoader />}
      {actions.data && (
        <>
          <Text mt="md" aria-live="polite" fw={500}>
            {t('portal.actions.count', { count: actions.data.total })}
          </Text>
          {actions.data.items.length === 0 ? (
            <Text mt="sm">{t('portal.actions.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt="sm">
              {actions.data.items.map((action) => (
                <PublicActionCard key={action.id} action={action} />
              ))}
            </SimpleGrid>
          )}
          <ListPagination
            page={actions.data.page}
            pageSize={actions.data.pageSize}
            total={actions.data.total}
            onChange={(next) => update({ page: next })}
          />
        </>
      )}
    </section>
  );
}
