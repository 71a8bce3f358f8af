import { Alert, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { useImportFile } from '../api/iati.ts';

/** Uploads another publisher's IATI file and shows what was imported, or why it was refused. */
export function ImportSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const importFile = useImportFile();
  const result = importFile.data;

  return (
    <Stack component="section" aria-labelledby="iati-import" gap="sm">
      <Title order={2} id="iati-import">
        {t('iati.import.heading')}
      </Title>
      <Text>{t('iati.import.text')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) importFile.mutate(file);
        }}
      >
        <Group align="flex-end">
          <FileInput
            label={t('iati.import.file')}
            placeholder={t('iati.import.choose')}
            accept=".xml,application/xml,text/xml"
            value={file}
            onChange={(value) => {
              setFile(value);
              importFile.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('iati.import.clear') }}
            w={{ base: '100%', sm: 360 }}
          />
          <Button type="submit" disabled={!file} loading={importFile.isPending}>
            {t('iati.import.submit')}
          </Button>
        </Group>
      </form>
      {importFile.isError && <ErrorAlert error={importFile.error} title={t('iati.import.refused')} />}
      {result && (
        <Stack gap="xs">
          <Alert
            color="green"
            variant="light"
            role="status"
            title={t('iati.import.done', { fileName: result.fileName })}
          >
            {t('iati.import.created', { count: result.created })} ·{' '}
            {t('iati.import.updated', { count: result.updated })}
            {!result.schemaValidation && <Text size="sm">{t('iati.import.noSchema')}</Text>}
          </Alert>
          <TableScroller label={t('iati.import.caption')} minWidth={640}>
            <Table striped captionSide="top">
              <Table.Caption>{t('iati.import.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('iati.columns.identifier')}</Table.Th>
                  <Table.Th scope="col">{t('iati.columns.title')}</Table.Th>
                  <Table.Th scope="col">{t('iati.columns.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('iati.columns.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.activities.map((activity, index) => (
                  // The list never reorders, and a schema-valid file may leave identifiers empty.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the file's order is the row's identity
                  <Table.Tr key={`${activity.identifier}-${index}`}>
                    <Table.Td dir="ltr">{activity.identifier}</Table.Td>
                    <Table.Td dir="auto">{activity.title}</Table.Td>
                    <Table.Td dir="auto">{activity.reportingOrg}</Table.Td>
                    <Table.Td>{t(`iati.import.outcome.${activity.outcome}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
        </Stack>
      )}
    </Stack>
  );
}
