import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';

export const head: HeadOf = ({ t }) => ({ title: t('notFound.title'), description: t('notFound.body') });

/** Any public address that is not a page; the server answers it with status 404. */
export function PortalNotFound() {
  const { t } = useTranslation();
  usePageHead(head);
  return (
    <div className="stack-lg">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </div>
  );
}
