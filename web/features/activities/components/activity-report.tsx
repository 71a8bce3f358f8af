import { Anchor, Button, FileInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '../../../../server/features/activities/activities.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useReportActivity } from '../api/activities.ts';

/** The mission report of a held activity: its summary and file, or the form to file them. */
export function ActivityReport({ activity, canReport }: { activity: ActivityDetail; canReport: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useReportActivity(activity.id);
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState(false);

  if (activity.report) {
    return (
      <section aria-labelledby="report-title">
        <Title order={2} size="h4" id="report-title">
          {t('activities.report.title')}
        </Title>
        <Text className="prose" dir="auto" mt="xs">
          {activity.report.summary}
        </Text>
        {activity.report.file && (
          <Anchor href={`/api/activities/${activity.id}/report`} download>
            {t('activities.report.download', { name: activity.report.file.name })}
          </Anchor>
        )}
        {activity.report.reportedAt && (
          <Text size="sm" c="gray.7">
            {t('activities.report.filedOn', { date: formatDateTime(activity.report.reportedAt, language) })}
          </Text>
        )}
      </section>
    );
  }
  if (activity.status !== 'held' || !canReport) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!file || !summary.trim());
    if (file && summary.trim()) report.mutate({ file, summary: summary.trim() });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="report-form-title">
      <Stack>
        <Title order={2} size="h4" id="report-form-title">
          {t('activities.report.fileTitle')}
        </Title>
        {report.isError && <ErrorAlert error={report.error} />}
        <Textarea
          label={t('activities.report.summary')}
          required
          autosize
          minRows={3}
          value={summary}
          error={missing && !summary.trim() ? t('activities.form.required') : undefined}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <FileInput
          label={t('activities.report.file')}
          description={t('activities.report.fileHint')}
          required
          accept="application/pdf,.doc,.docx"
          value={file}
          onChange={setFile}
          error={missing && !file ? t('activities.form.required') : undefined}
          clearable
        />
        <Button type="submit" w="fit-content" loading={report.isPending}>
          {t('activities.report.submit')}
        </Button>
      </Stack>
    </form>
  );
}
