import { Button, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { downloadFile, type Progress as Share } from '../../../lib/transfer.ts';

/** A button that downloads a file from the API and shows how far the download is. */
export function DownloadButton({
  url,
  label,
  text,
  fileName,
  variant = 'light',
}: {
  url: string;
  /** The accessible name; it holds the visible text. */
  label: string;
  /** The visible text, when shorter than the label. */
  text?: string;
  fileName: string;
  variant?: string;
}) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Share | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== undefined;
  const start = async () => {
    setError(null);
    setProgress(null);
    try {
      await downloadFile(url, { onProgress: setProgress, fallbackName: fileName });
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <Stack gap={4}>
      <Button size="xs" variant={variant} onClick={start} loading={busy} aria-label={label}>
        {text ?? label}
      </Button>
      {busy && (
        <Progress
          value={progress === null ? 100 : Math.round((progress ?? 0) * 100)}
          animated={progress === null}
          size="sm"
          aria-label={t('reporting.progress.download')}
        />
      )}
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
