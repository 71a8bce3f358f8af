import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionDetails } from '../../../components/action-details.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { usePublicAction } from '../api/public-actions.ts';

export function PublicActionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const action = usePublicAction(id);
  usePageTitle(action.data?.name ?? t('action.pageTitle'));
  return (
    <Stack>
      <Anchor component={Link} to="/" w="fit-content">
        {t('portal.backToPortal')}
      </Anchor>
      {action.isPending && <PageLoader />}
      {action.isError && <ErrorAlert error={action.error} />}
      {action.data && <ActionDetails action={action.data} />}
    </Stack>
  );
}
