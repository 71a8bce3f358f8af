import { useTranslation } from 'react-i18next';

/** Announced to screen readers; drawn without any script-driven animation library. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}
