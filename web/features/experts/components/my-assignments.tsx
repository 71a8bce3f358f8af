import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { useMyAssignments } from '../api/experts.ts';
import { AssignmentsTable } from './assignments-table.tsx';

/** The signed-in expert's deployments: where and when they are expected. */
export function MyAssignments() {
  const { t } = useTranslation();
  const mine = useMyAssignments();
  return (
    <section aria-labelledby="my-assignments">
      <Title order={2} size="h3" id="my-assignments" mb="sm">
        {t('experts.mine.title')}
      </Title>
      {mine.isPending && <PageLoader />}
      {mine.isError && <ErrorAlert error={mine.error} />}
      {mine.data &&
        (mine.data.assignments.length === 0 ? (
          <Text>{mine.data.expert ? t('experts.mine.none') : t('experts.mine.notOnRoster')}</Text>
        ) : (
          <AssignmentsTable
            rows={mine.data.assignments}
            caption={t('experts.mine.caption', { total: mine.data.assignments.length })}
            showFeedback={false}
          />
        ))}
    </section>
  );
}
