import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionListItem } from '../../../../server/features/actions/actions.contract.ts';
import { DataTable } from '../../../components/data-table.tsx';
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
      <DataTable striped highlightOnHover captionSide="top" verticalSpacing="sm">
        <caption>
          <Text component="span" fw={500}>
            {caption}
          </Text>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('actions.table.action')}</th>
            <th scope="col">{t('actions.table.title')}</th>
            <th scope="col">{t('actions.table.countries')}</th>
            <th scope="col">{t('actions.table.topics')}</th>
            <th scope="col">{t('actions.table.status')}</th>
            <th scope="col">{t('actions.table.planned')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((action) => (
            <tr key={action.id}>
              <th scope="row" className="nowrap">
                <Anchor component={Link} to={`/app/actions/${action.id}`} state={{ listSearch }} fw={600}>
                  {action.name}
                </Anchor>
              </th>
              <td dir="auto">{action.title}</td>
              <td>{countryNames(action.countries, language)}</td>
              <td>{action.topics.map((code) => topicNames.get(code) ?? code).join(', ')}</td>
              <td>
                <StatusBadge status={action.status} />
              </td>
              <td>{period(action)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </TableScroller>
  );
}
