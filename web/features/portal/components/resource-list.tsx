import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicDeliverable } from '../../../../server/features/public/public.contract.ts';
import { formatDate } from '../../../lib/format.ts';
import { languages } from '../../../lib/languages.ts';
import { useLanguage } from '../../../lib/use-language.ts';

type Resource = PublicDeliverable & { action?: { id: string; name: string } };

/** Published deliverables (handbooks, guidelines, SOPs...) to download; empty until some are published. */
export function ResourceList({ resources }: { resources: Resource[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (resources.length === 0) return <p>{t('portal.resources.none')}</p>;
  return (
    <ul className="resource-list">
      {resources.map((resource) => (
        <li key={resource.id}>
          <a href={resource.downloadUrl} hrefLang={resource.language} dir="auto">
            {resource.title}
          </a>
          <p className="card-meta">
            {resource.typeName} ·{' '}
            {languages.find((l) => l.code === resource.language)?.name ?? resource.language} ·{' '}
            {formatDate(resource.publishedOn, language)}
            {resource.action && (
              <>
                {' · '}
                <Link to={`/actions/${resource.action.id}`}>{resource.action.name}</Link>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
