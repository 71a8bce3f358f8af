import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ListPagination } from '../../../components/list-pagination.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useSession } from '../../auth/api/session.ts';
import { useRequests } from '../api/requests.ts';
import { RequestsTable } from '../components/requests-table.tsx';
import { requestStatuses } from '../lib/request-statuses.ts';

export function RequestsListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const role = session.data?.user.role;
  const [status, setStatus] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [query] = useDebouncedValue(q.trim(), 300);
  const requests = useRequests({ status, q: query, page, pageSize: 25 });
  usePageTitle(t('requests.title'));
  const canWrite = role === 'partner' || role === 'officer' || role === 'admin';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('requests.title')}</Title>
        {canWrite && (
          <Button component={Link} to="/app/requests/new">
            {t('requests.new')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('requests.filtersLabel')}>
        <TextInput
          label={t('filters.search')}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label={t('filters.status')}
          placeholder={t('requests.allStatuses')}
          clearable
          clearButtonProps={{ 'aria-label': t('filters.clear') }}
          data={requestStatuses.map((value) => ({ value, label: t(`requests.status.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          w={{ base: '100%', xs: 260 }}
        />
      </Group>
      {requests.isError && <ErrorAlert error={requests.error} />}
      {requests.isPending && <PageLoader />}
      {requests.data &&
        (requests.data.items.length === 0 ? (
          <Text role="status">{t('requests.empty')}</Text>
        ) : (
          <div aria-busy={requests.isPlaceholderData}>
            <RequestsTable
              items={requests.data.items}
              caption={t('requests.count', { count: requests.data.total })}
            />
          </div>
        ))}
      {requests.data && requests.data.total > 0 && (
        <ListPagination
          page={requests.data.page}
          pageSize={requests.data.pageSize}
          total={requests.data.total}
          onChange={setPage}
        />
      )}
    </Stack>
  );
}
