import { Alert, Anchor, Button, FileInput, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ImportMode,
  ImportReport,
} from '../../../../server/features/participants/participants.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { useLanguage } from '../../../lib/use-language.ts';
import { templateUrl, useImport } from '../api/participants.ts';

/**
 * The import: the template to fill in, the file checked first (the upload's progress shown), the
 * report of what is wrong by row and column, then the import of all rows or only the valid ones.
 */
export function ParticipantsImport({ activityId, onClose }: { activityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const importer = useImport(activityId);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const run = (mode: ImportMode) => {
    if (!file) return;
    setProgress(0);
    importer.mutate(
      { file, mode, onProgress: setProgress },
      {
        onSuccess: (answer) => setReport(answer),
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <Stack>
      <Text size="sm">{t('participants.import.help')}</Text>
      <Group>
        <Anchor href={templateUrl(language, 'xlsx')} download>
          {t('participants.import.template')}
        </Anchor>
        <Anchor href={templateUrl(language, 'csv')} download>
          {t('participants.import.templateCsv')}
        </Anchor>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run('check');
        }}
      >
        <Stack>
          <FileInput
            label={t('participants.import.file')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(next) => {
              setFile(next);
              setReport(null);
              importer.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('participants.import.clear') }}
          />
          <Button type="submit" w="fit-content" disabled={!file} loading={importer.isPending}>
            {t('participants.import.check')}
          </Button>
        </Stack>
      </form>
      {importer.isPending && progress !== null && (
        <Stack gap={4} aria-live="polite">
          <Progress
            value={Math.round(progress * 100)}
            aria-label={t('participants.import.uploading', { percent: Math.round(progress * 100) })}
          />
          <Text size="sm">
            {progress < 1
              ? t('participants.import.uploading', { percent: Math.round(progress * 100) })
              : t('participants.import.processing')}
          </Text>
        </Stack>
      )}
      {importer.isError && <ErrorAlert error={importer.error} />}
      {report && <Report report={report} pending={importer.isPending} onImport={run} onClose={onClose} />}
    </Stack>
  );
}

function Report({
  report,
  pending,
  onImport,
  onClose,
}: {
  report: ImportReport;
  pending: boolean;
  onImport: (mode: ImportMode) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (report.written) {
    return (
      <Stack aria-live="polite">
        <Alert
          color="green"
          variant="light"
          title={t('participants.import.done', { count: report.imported })}
        >
          {report.problems.length > 0 &&
            t('participants.import.invalid', {
              count: report.problems.length,
              rows: report.rows,
              valid: report.validRows,
            })}
        </Alert>
        <Button w="fit-content" variant="default" onClick={onClose}>
          {t('participants.import.close')}
        </Button>
      </Stack>
    );
  }
  const caption = t('participants.import.problems');
  return (
    <Stack aria-live="polite">
      {report.problems.length === 0 ? (
        <Alert color="green" variant="light" title={t('participants.import.valid', { rows: report.rows })} />
      ) : (
        <Alert
          color="red"
          variant="light"
          title={t('participants.import.invalid', {
            count: report.problems.length,
            rows: report.rows,
            valid: report.validRows,
          })}
        />
      )}
      {report.matchedExisting.length > 0 && (
        <Text size="sm">{t('participants.import.matched', { count: report.matchedExisting.length })}</Text>
      )}
      {report.problems.length > 0 && (
        <TableScroller label={caption} minWidth={480}>
          <Table captionSide="top" verticalSpacing="xs">
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('participants.import.row')}</Table.Th>
                <Table.Th scope="col">{t('participants.import.column')}</Table.Th>
                <Table.Th scope="col">{t('participants.import.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.problems.map((p) => (
                <Table.Tr key={`${p.row}:${p.column}:${p.message}`}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{p.column}</Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      <Group>
        {report.problems.length === 0 && report.validRows > 0 && (
          <Button loading={pending} onClick={() => onImport('all')}>
            {t('participants.import.importAll')}
          </Button>
        )}
        {report.problems.length > 0 && report.validRows > 0 && (
          <Button variant="default" loading={pending} onClick={() => onImport('valid-only')}>
            {t('participants.import.importValid', { count: report.validRows })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
