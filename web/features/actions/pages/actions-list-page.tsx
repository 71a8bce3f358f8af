import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ListPagination } from '../../../components/list-pagination.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useTaxonomy } from '../../../lib/taxonomy.ts';
import { useActions } from '../api/actions.ts';
import { ActionsFilters } from '../components/actions-filters.tsx';
import { ActionsTable } from '../components/actions-table.tsx';
import { useActionFilters } from '../hooks/use-action-filters.ts';

export function ActionsListPage() {
  const { t } = useTranslation();
  const { filters, update, clear, active, search } = useActionFilters();
  const actions = useActions(filters);
  const taxonomy = useTaxonomy();
  const topicNames = new Map((taxonomy.data?.topics ?? []).map((topic) => [topic.code, topic.name]));
  usePageTitle(t('actions.title'));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('actions.title')}</Title>
      <ActionsFilters filters={filters} active={active} onChange={update} onClear={clear} />
      {actions.isError && <ErrorAlert error={actions.error} />}
      {actions.isPending && <PageLoader />}
      {actions.data &&
        (actions.data.items.length === 0 ? (
          <Text role="status">{active ? t('actions.emptyFiltered') : t('actions.empty')}</Text>
        ) : (
          <div aria-busy={actions.isPlaceholderData}>
            <ActionsTable
              items={actions.data.items}
              topicNames={topicNames}
              caption={t('actions.count', { count: actions.data.total })}
              listSearch={search}
            />
          </div>
        ))}
      {actions.data && actions.data.total > 0 && (
        <ListPagination
          page={actions.data.page}
          pageSize={actions.data.pageSize}
          total={actions.data.total}
          onChange={(page) => update({ page })}
        />
      )}
    </Stack>
  );
}
