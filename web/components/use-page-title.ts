import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each route names itself in the window title, so screen-reader users hear where they landed. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
