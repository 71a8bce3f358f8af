import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestListItem } from '../../../../server/features/requests/requests.contract.ts';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { countryNames } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { RequestStatusBadge } from './request-status-badge.tsx';

export function RequestsTable({ items, caption }: { items: RequestListItem[]; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableScroller label={caption} minWidth={820}>
      <Table striped highlightOnHover captionSide="top" verticalSpacing="sm">
        <Table.Caption>
          <Text component="span" fw={500}>
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('requests.table.request')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.title')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.institution')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.countries')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.status')}</Table.Th>
            <Table.Th scope="col">{t('requests.table.inState')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((request) => (
            <Table.Tr key={request.id}>
              <Table.Th scope="row" className="nowrap">
                <Anchor component={Link} to={`/app/requests/${request.id}`} fw={600}>
                  {t('requests.number', { number: request.number })}
                </Anchor>
              </Table.Th>
              <Table.Td dir="auto">{request.title}</Table.Td>
              <Table.Td dir="auto">{request.requestingInstitution?.name ?? '—'}</Table.Td>
              <Table.Td>{countryNames(request.countries, language)}</Table.Td>
              <Table.Td>
                <RequestStatusBadge status={request.status} />
              </Table.Td>
              <Table.Td>{t('requests.days', { count: request.daysInState })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
