import { Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/use-language.ts';
import { DownloadButton } from './download-button.tsx';

/** The fiche is made in these languages (not in Arabic: see the README). */
const FICHE_LANGUAGES = ['en', 'fr', 'es', 'pt'] as const;

/** The Action fiche as a PDF, in a language chosen here (the reader's when the fiche has it). */
export function FicheDownload({ actionId, code }: { actionId: string; code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [lang, setLang] = useState<string>(
    (FICHE_LANGUAGES as readonly string[]).includes(language) ? language : 'en',
  );
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t('reporting.fiche.language')}
        data={FICHE_LANGUAGES.map((value) => ({ value, label: t(`reporting.fiche.languages.${value}`) }))}
        value={lang}
        onChange={(value) => value && setLang(value)}
        allowDeselect={false}
        w={160}
      />
      <DownloadButton
        url={`/api/actions/${actionId}/fiche.pdf?lang=${lang}`}
        label={t('reporting.fiche.download')}
        fileName={`fiche-${code}-${lang}.pdf`}
        variant="filled"
      />
    </Group>
  );
}
