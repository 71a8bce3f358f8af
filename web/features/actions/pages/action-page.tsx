import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ActionDetails } from '../../../components/action-details.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useAction } from '../api/actions.ts';

export function ActionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const action = useAction(id);
  usePageTitle(action.data?.name ?? t('action.pageTitle'));
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  return (
    <Stack>
      <Anchor
        component={Link}
        to={listSearch ? `/app/actions?${listSearch}` : '/app/actions'}
        w="fit-content"
      >
        {t('actions.backToList')}
      </Anchor>
      {action.isPending && <PageLoader />}
      {action.isError && <ErrorAlert error={action.error} />}
      {action.data && <ActionDetails action={action.data} />}
    </Stack>
  );
}
