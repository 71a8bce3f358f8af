import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { useDeliverables } from '../api/deliverables.ts';
import { DeliverablesTable } from './deliverables-table.tsx';

/** The deliverables the signed-in expert works on, across their Actions. */
export function MyDeliverables() {
  const { t } = useTranslation();
  const list = useDeliverables();
  return (
    <section aria-labelledby="my-deliverables">
      <Title order={2} size="h3" id="my-deliverables" mb="sm">
        {t('deliverables.mine.title')}
      </Title>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <Text>{t('deliverables.mine.none')}</Text>
        ) : (
          <DeliverablesTable
            items={list.data.items}
            caption={t('deliverables.mine.caption', { total: list.data.items.length })}
            showAction
          />
        ))}
    </section>
  );
}
