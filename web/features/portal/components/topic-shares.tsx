import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicStats } from '../../../../server/features/public/public.contract.ts';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

/**
 * The share of ongoing Actions per topic, as a table (readable by any screen reader) whose bars
 * only repeat the percentage for the eye.
 */
export function TopicShares({ topics }: { topics: PublicStats['topics'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = topics.filter((topic) => topic.count > 0).sort((a, b) => b.share - a.share);
  if (rows.length === 0) return <Text>{t('portal.topics.empty')}</Text>;
  return (
    <TableScroller label={t('portal.topics.title')} minWidth={420}>
      <Table captionSide="top" verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{t('portal.topics.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('portal.topics.topic')}</Table.Th>
            <Table.Th scope="col">{t('portal.topics.count')}</Table.Th>
            <Table.Th scope="col">{t('portal.topics.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((topic) => (
            <Table.Tr key={topic.code} data-topic={topic.code}>
              <Table.Th scope="row" fw={500}>
                {topic.name}
              </Table.Th>
              <Table.Td>{formatNumber(topic.count, language)}</Table.Td>
              <Table.Td>
                <div className="share-cell">
                  <span className="share-value">{formatPercent(topic.share, language)}</span>
                  <div className="share-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, Math.max(0, topic.share * 100))}%` }} />
                  </div>
                </div>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
