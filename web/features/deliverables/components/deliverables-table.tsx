import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeliverableListItem } from '../../../../server/features/deliverables/deliverables.contract.ts';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { languageName } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { DeliverableBadges } from './deliverable-badges.tsx';

export function DeliverablesTable({
  items,
  caption,
  showAction = false,
}: {
  items: DeliverableListItem[];
  caption: string;
  showAction?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableScroller label={caption} minWidth={720}>
      <Table striped captionSide="top" verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('deliverables.table.title')}</Table.Th>
            {showAction && <Table.Th scope="col">{t('deliverables.table.action')}</Table.Th>}
            <Table.Th scope="col">{t('deliverables.table.type')}</Table.Th>
            <Table.Th scope="col">{t('deliverables.table.languages')}</Table.Th>
            <Table.Th scope="col">{t('deliverables.table.version')}</Table.Th>
            <Table.Th scope="col">{t('deliverables.table.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/app/deliverables/${d.id}`} dir="auto">
                  {d.title}
                </Anchor>
              </Table.Th>
              {showAction && <Table.Td>{d.actionName}</Table.Td>}
              <Table.Td>{t(`deliverables.type.${d.type}`)}</Table.Td>
              <Table.Td>{d.languages.map((code) => languageName(code, language)).join(', ')}</Table.Td>
              <Table.Td>{d.latestVersion ?? t('deliverables.table.noVersion')}</Table.Td>
              <Table.Td>
                <DeliverableBadges item={d} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
