import { Button, FileInput, Select, Stack, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { languageName } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useUploadVersion } from '../api/deliverables.ts';

/** Uploads a new version of a deliverable: a PDF or Word file and what changed. */
export function VersionUpload({ deliverableId, languages }: { deliverableId: string; languages: string[] }) {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const upload = useUploadVersion(deliverableId);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [language, setLanguage] = useState<string | null>(languages[0] ?? null);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!file || !note.trim());
    if (!file || !note.trim()) return;
    upload.mutate(
      { file, changeNote: note.trim(), language },
      {
        onSuccess: () => {
          setFile(null);
          setNote('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="upload-title">
          {t('deliverables.upload.title')}
        </Title>
        {upload.isError && <ErrorAlert error={upload.error} />}
        <FileInput
          label={t('deliverables.upload.file')}
          description={t('deliverables.upload.hint')}
          required
          accept="application/pdf,.doc,.docx"
          clearable
          value={file}
          onChange={setFile}
          error={missing && !file ? t('deliverables.form.required') : undefined}
        />
        <Textarea
          label={t('deliverables.upload.changeNote')}
          required
          autosize
          minRows={2}
          value={note}
          error={missing && !note.trim() ? t('deliverables.form.required') : undefined}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Select
          label={t('deliverables.upload.language')}
          data={languages.map((code) => ({ value: code, label: languageName(code, uiLanguage) }))}
          value={language}
          onChange={setLanguage}
          clearable
        />
        <Button type="submit" w="fit-content" loading={upload.isPending}>
          {t('deliverables.upload.submit')}
        </Button>
      </Stack>
    </form>
  );
}
