import { Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DatasetId } from '../../../../server/features/exports/exports.contract.ts';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { exportUrl } from '../api/spreadsheets.ts';
import { DownloadButton } from '../components/download-button.tsx';
import { ImportSection } from '../components/import-section.tsx';

/** Exports for everyone who reads the portfolio (what they may see); imports for staff. */
export function SpreadsheetsPage() {
  const { t } = useTranslation();
  const user = useStaffUser();
  usePageTitle(t('reporting.spreadsheets.title'));
  const staff = isStaffRole(user.role);
  const datasets: DatasetId[] = ['actions', 'activities', 'deliverables', 'indicators'];
  if (staff || user.role === 'partner') datasets.push('participants');
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{t('reporting.spreadsheets.title')}</Title>
        <Text>{t('reporting.spreadsheets.intro')}</Text>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="exports-heading">
        <Title order={2} id="exports-heading">
          {t('reporting.spreadsheets.exports')}
        </Title>
        <Table withTableBorder fz="sm" w="fit-content">
          <Table.Caption>{t('reporting.spreadsheets.exportsCaption')}</Table.Caption>
          <Table.Tbody>
            {datasets.map((dataset) => (
              <Table.Tr key={dataset}>
                <Table.Th scope="row">{t(`reporting.datasets.${dataset}`)}</Table.Th>
                <Table.Td>
                  <Group gap="xs" align="flex-start">
                    <DownloadButton
                      url={exportUrl(dataset, 'xlsx')}
                      text="XLSX"
                      label={t('reporting.download.xlsxOf', { what: t(`reporting.datasets.${dataset}`) })}
                      fileName={`${dataset}.xlsx`}
                    />
                    <DownloadButton
                      url={exportUrl(dataset, 'csv')}
                      text="CSV"
                      label={t('reporting.download.csvOf', { what: t(`reporting.datasets.${dataset}`) })}
                      fileName={`${dataset}.csv`}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {staff && (
        <>
          <Divider />
          <ImportSection />
        </>
      )}
    </Stack>
  );
}
