import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages } from '../lib/languages.ts';
import { useLanguage } from '../lib/use-language.ts';

/** A native select: every browser and screen reader operates it, and each option names its language. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (
    <NativeSelect
      label={t('language.label')}
      size="xs"
      value={language}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={languages.map(({ code, name }) => ({ value: code, label: name }))}
      classNames={{ root: 'language-select' }}
    />
  );
}
