import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionListItem } from '../../../../server/features/actions/actions.contract.ts';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { countryNames, formatDate } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

type Props = {
  items: ActionListItem[];
  topicNames: Map<string, string>;
  caption: string;
  /** The list's query string, so the Action page can lead back to the same filtered list. */
  listSearch: string;
};

export function ActionsTable({ items, topicNames, caption, listSearch }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const period = (action: ActionListItem) => {
    const start = formatDate(action.plannedStart, language);
    const end = formatDate(action.plannedEnd, language);
    if (!start && !end) return t('common.notSet');
    return t('action.period', { start: start ?? t('common.notSet'), end: end ?? t('common.notSet') });
  };
  return (
    <TableScroller label={caption} minWidth={860}>
      <Table striped highlightOnHover captionSide="top" verticalSpacing="sm">
        <Table.Caption>
          <Text component="span" fw={500}>
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('actions.table.action')}</Table.Th>
            <Table.Th scope="col">{t('actions.table.title')}</Table.Th>
            <Table.Th scope="col">{t('actions.table.countries')}</Table.Th>
            <Table.Th scope="col">{t('actions.table.topics')}</Table.Th>
            <Table.Th scope="col">{t('actions.table.status')}</Table.Th>
            <Table.Th scope="col">{t('actions.table.planned')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((action) => (
            <Table.Tr key={action.id}>
              <Table.Th scope="row" className="nowrap">
                <Anchor component={Link} to={`/app/actions/${action.id}`} state={{ listSearch }} fw={600}>
                  {action.name}
                </Anchor>
              </Table.Th>
              <Table.Td dir="auto">{action.title}</Table.Td>
              <Table.Td>{countryNames(action.countries, language)}</Table.Td>
              <Table.Td>{action.topics.map((code) => topicNames.get(code) ?? code).join(', ')}</Table.Td>
              <Table.Td>
                <StatusBadge status={action.status} />
              </Table.Td>
              <Table.Td>{period(action)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
