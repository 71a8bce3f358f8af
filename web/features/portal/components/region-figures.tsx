import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicStats } from '../../../../server/features/public/public.contract.ts';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

export function RegionFigures({ regions }: { regions: PublicStats['regions'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = [...regions].sort((a, b) => b.ongoingActions - a.ongoingActions);
  return (
    <TableScroller label={t('portal.regions.title')} minWidth={360}>
      <Table captionSide="top" verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{t('portal.regions.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('portal.regions.region')}</Table.Th>
            <Table.Th scope="col">{t('portal.regions.actions')}</Table.Th>
            <Table.Th scope="col">{t('portal.regions.countries')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((region) => (
            <Table.Tr key={region.code} data-region={region.code}>
              <Table.Th scope="row" fw={500}>
                {region.name}
              </Table.Th>
              <Table.Td>{formatNumber(region.ongoingActions, language)}</Table.Td>
              <Table.Td>{formatNumber(region.countries, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
