import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicActionItem } from '../../../../server/features/public/public.contract.ts';
import { useCountryNames } from '../lib/use-country-names.ts';
import { StatusLabel } from './status-label.tsx';

export function ActionCard({ action, headingLevel = 3 }: { action: PublicActionItem; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const countries = useCountryNames();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card" aria-labelledby={`action-${action.id}`}>
      <div className="card-top">
        <Heading className="card-title" id={`action-${action.id}`}>
          <Link to={`/actions/${action.id}`}>{action.name}</Link>
        </Heading>
        <StatusLabel status={action.status} />
      </div>
      <p dir="auto">{action.title}</p>
      <p className="card-meta">
        <strong>{t('common.label', { label: t('action.countries') })}</strong>{' '}
        {countries.list(action.countries)}
      </p>
      {action.requestingInstitution && (
        <p className="card-meta">
          <strong>{t('common.label', { label: t('action.requestedBy') })}</strong>{' '}
          {action.requestingInstitution.name}
        </p>
      )}
    </article>
  );
}

export function ActionCards({ actions }: { actions: PublicActionItem[] }) {
  return (
    <div className="card-grid">
      {actions.map((action) => (
        <ActionCard key={action.id} action={action} />
      ))}
    </div>
  );
}
