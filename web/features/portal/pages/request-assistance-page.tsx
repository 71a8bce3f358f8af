import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { AccountRequestForm } from '../components/account-request-form.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';

export const head: HeadOf = ({ t }) => ({
  title: t('portal.request.title'),
  description: t('portal.request.description'),
});

const steps = ['screening', 'decision', 'design', 'implementation', 'results'] as const;

export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageHead(head);
  const taxonomy = usePortalQuery(q.taxonomy(language));
  return (
    <div className="stack-xl">
      <div className="intro">
        <h1>{t('portal.request.title')}</h1>
        <p className="lead">{t('portal.request.intro')}</p>
      </div>
      <section aria-labelledby="who-heading">
        <h2 id="who-heading">{t('portal.request.who.heading')}</h2>
        <p>{t('portal.request.who.body')}</p>
        <ul className="portal-list">
          <li>{t('portal.request.who.public')}</li>
          <li>{t('portal.request.who.regional')}</li>
          <li>{t('portal.request.who.civilSociety')}</li>
        </ul>
      </section>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t('portal.request.how.heading')}</h2>
        <p>{t('portal.request.how.body')}</p>
        <ul className="portal-list">
          <li>{t('portal.request.how.problem')}</li>
          <li>{t('portal.request.how.change')}</li>
          <li>{t('portal.request.how.timing')}</li>
        </ul>
      </section>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{t('portal.request.next.heading')}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step}>
              <h3>{t(`portal.request.next.${step}.title`)}</h3>
              <p>{t(`portal.request.next.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="request-form-heading">
        <h2 id="request-form-heading">{t('portal.request.form.heading')}</h2>
        <AccountRequestForm taxonomy={taxonomy.data} />
      </section>
    </div>
  );
}
