import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { usePageTitle } from '../components/use-page-title.ts';

/**
 * Shown when a page fails to render or its code cannot be loaded (e.g. after a new release). Plain
 * HTML, because it may stand in for any page, public or staff, before any library has loaded.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('errors.generic'));
  if (error) console.error(error);
  return (
    <div className="portal">
      <main id="main-content" tabIndex={-1} className="container site-main">
        <h1>{t('errors.generic')}</h1>
        <p>{t('errors.pageFailed')}</p>
        {/* A full load, not a client navigation: the failure may be a chunk of an old release. */}
        <a href="/" className="button">
          {t('errors.backHome')}
        </a>
      </main>
    </div>
  );
}
