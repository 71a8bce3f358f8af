import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportReport } from '../../../../server/features/exports/exports.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import type { Progress as Share } from '../../../lib/transfer.ts';
import { sendImport, templateUrl } from '../api/spreadsheets.ts';
import { DownloadButton } from './download-button.tsx';

const outcomeColour = { create: 'green', update: 'blue', unchanged: 'gray', error: 'red' } as const;

/** Import of Actions' plans or activities: the template, a dry run with its report, then the apply. */
export function ImportSection() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('activities');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Share | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ImportReport | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setDone(null);
    setProgress(null);
    try {
      const answer = await sendImport(kind, file, dryRun, setProgress);
      if (dryRun) setReport(answer);
      else {
        setDone(answer);
        setReport(null);
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };
  const changes = report ? report.summary.create + report.summary.update : 0;
  const canApply =
    report !== null && report.summary.error === 0 && report.fileProblems.length === 0 && changes > 0;

  return (
    <Stack gap="sm" component="section" aria-labelledby="import-heading">
      <Title order={2} id="import-heading">
        {t('reporting.import.heading')}
      </Title>
      <Text>{t('reporting.import.text')}</Text>
      <SegmentedControl
        aria-label={t('reporting.import.kind')}
        value={kind}
        onChange={(value) => {
          setKind(value as ImportKind);
          setReport(null);
          setDone(null);
        }}
        data={[
          { value: 'activities', label: t('reporting.datasets.activities') },
          { value: 'actions', label: t('reporting.import.actionPlans') },
        ]}
        w="fit-content"
      />
      <Group align="flex-end">
        <FileInput
          label={t('reporting.import.file')}
          description={t('reporting.import.fileHelp')}
          accept=".xlsx,.csv"
          value={file}
          onChange={(value) => {
            setFile(value);
            setReport(null);
            setDone(null);
          }}
          clearable
          w={{ base: '100%', sm: 360 }}
        />
        <Button onClick={() => send(true)} disabled={!file} loading={progress !== undefined}>
          {t('reporting.import.check')}
        </Button>
        <DownloadButton
          url={templateUrl(kind)}
          label={t('reporting.import.template')}
          fileName={`${kind}-template.xlsx`}
          variant="subtle"
        />
      </Group>
      {progress !== undefined && (
        <Progress
          value={progress === null ? 100 : Math.round(progress * 100)}
          animated={progress === null || progress >= 1}
          aria-label={t('reporting.progress.upload')}
        />
      )}
      {error !== null && <ErrorAlert error={error} />}
      {done && (
        <Alert color="green" role="status" title={t('reporting.import.applied')}>
          {t('reporting.import.summary', done.summary)}
        </Alert>
      )}
      {report && (
        <Stack gap="xs">
          <Text role="status" fw={600}>
            {t('reporting.import.summary', report.summary)}
          </Text>
          {report.fileProblems.map((p) => (
            <Alert key={`${p.column}-${p.message}`} color="red">
              {p.column ? `${p.column}: ` : ''}
              {p.message}
            </Alert>
          ))}
          <TableScroller label={t('reporting.import.report')} minWidth={640}>
            <Table striped withTableBorder fz="sm">
              <Table.Caption>{t('reporting.import.report')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reporting.import.columns.row')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.import.columns.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.import.columns.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows
                  .filter((r) => r.outcome !== 'unchanged' || r.warnings.length > 0)
                  .map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>
                        <Badge color={outcomeColour[r.outcome]} variant="light">
                          {t(`reporting.import.outcomes.${r.outcome}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {r.changes.length > 0 && <Text size="sm">{r.changes.join(', ')}</Text>}
                        {[...r.problems, ...r.warnings].map((p) => (
                          <Text
                            size="sm"
                            key={`${p.column}-${p.message}`}
                            c={r.problems.includes(p) ? 'red.8' : undefined}
                          >
                            {p.column ? `${p.column}: ` : ''}
                            {p.message}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
          <Group>
            <Button
              color="green"
              onClick={() => send(false)}
              disabled={!canApply}
              loading={progress !== undefined}
            >
              {t('reporting.import.apply', { count: changes })}
            </Button>
            {!canApply && report.summary.error > 0 && <Text size="sm">{t('reporting.import.fixFirst')}</Text>}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
