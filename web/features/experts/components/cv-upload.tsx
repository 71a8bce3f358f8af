import { Button, FileInput, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useUploadCv } from '../api/experts.ts';

/** The staff keep an expert's CV: a PDF or Word file, checked by its content. */
export function CvUpload({ expertId }: { expertId: string }) {
  const { t } = useTranslation();
  const upload = useUploadCv(expertId);
  const [file, setFile] = useState<File | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file, { onSuccess: () => setFile(null) });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" mt="sm">
        {upload.isError && <ErrorAlert error={upload.error} />}
        <Group align="flex-end" gap="xs">
          <FileInput
            label={t('experts.profile.cvFile')}
            description={t('experts.profile.cvHint')}
            accept="application/pdf,.doc,.docx"
            clearable
            value={file}
            onChange={setFile}
            w={320}
          />
          <Button type="submit" variant="default" disabled={!file} loading={upload.isPending}>
            {t('experts.profile.cvSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
