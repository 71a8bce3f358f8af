import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExpertDetail } from '../../../../server/features/experts/experts.contract.ts';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

type Row = Omit<ExpertDetail['deploymentHistory'][number], 'feedback'> & {
  feedback?: ExpertDetail['deploymentHistory'][number]['feedback'];
};

/** Deployments, newest first: the activity, its Action, the dates, the role and (for staff) the feedback. */
export function AssignmentsTable({
  rows,
  caption,
  showFeedback,
}: {
  rows: Row[];
  caption: string;
  showFeedback: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableScroller label={caption} minWidth={720}>
      <Table striped captionSide="top" verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('experts.assignments.dates')}</Table.Th>
            <Table.Th scope="col">{t('experts.assignments.activity')}</Table.Th>
            <Table.Th scope="col">{t('experts.assignments.action')}</Table.Th>
            <Table.Th scope="col">{t('experts.deployment.role')}</Table.Th>
            <Table.Th scope="col">{t('experts.deployment.days')}</Table.Th>
            {showFeedback && <Table.Th scope="col">{t('experts.feedback.title')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td className="nowrap">
                {formatDate(row.startDate, language)} – {formatDate(row.endDate, language)}
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/app/activities/${row.activityId}`} dir="auto">
                  {row.activityTitle}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Anchor component={Link} to={`/app/actions/${row.actionId}`}>
                  {row.actionName}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`experts.role.${row.role}`)}</Table.Td>
              <Table.Td>{row.days}</Table.Td>
              {showFeedback && (
                <Table.Td>
                  {row.feedback
                    ? t('experts.feedback.given', { score: row.feedback.score })
                    : t('experts.feedback.none')}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
