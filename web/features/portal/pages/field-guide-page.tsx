import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { QueryState } from '../components/query-state.tsx';
import { SectionBoundary } from '../components/section-boundary.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';
import { LibraryItemMeta } from '../library/library-results.tsx';
import { SaveOffline } from '../offline/save-offline.tsx';
import { SavedGuideList } from '../offline/saved-guide-list.tsx';

export const head: HeadOf = ({ t }) => ({
  title: t('portal.fieldGuide.title'),
  description: t('portal.fieldGuide.description'),
});

/**
 * The offline field guide: practical notes, aide-mémoires and procedures for officers at border
 * posts and shelter staff, each of which can be saved on the phone; and the guides saved on it.
 */
export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageHead(head);
  const guides = usePortalQuery(q.fieldGuide(language));
  return (
    <div className="stack-xl">
      <div className="intro">
        <h1>{t('portal.fieldGuide.title')}</h1>
        <p className="lead">{t('portal.fieldGuide.intro')}</p>
        <p>{t('portal.fieldGuide.howTo')}</p>
      </div>
      <section aria-labelledby="saved-heading">
        <h2 id="saved-heading">{t('portal.fieldGuide.saved')}</h2>
        <SavedGuideList />
      </section>
      <SectionBoundary>
        <section aria-labelledby="guides-heading">
          <h2 id="guides-heading">{t('portal.fieldGuide.available')}</h2>
          <QueryState query={guides}>
            {(data) =>
              data.items.length === 0 ? (
                <p>{t('portal.fieldGuide.none')}</p>
              ) : (
                <ul className="library-results">
                  {data.items.map((guide) => (
                    <li key={guide.id} className="library-result">
                      <h3 className="card-title">
                        <Link to={`/library/${guide.id}`} dir="auto">
                          {guide.title}
                        </Link>
                      </h3>
                      <LibraryItemMeta item={guide} />
                      {guide.summary && <p dir="auto">{guide.summary}</p>}
                      <SaveOffline
                        guide={{
                          id: guide.id,
                          title: guide.title,
                          language: guide.language,
                          pageUrl: `/library/${guide.id}?lang=${language}`,
                          fileUrl: guide.downloadUrl,
                        }}
                      />
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </section>
      </SectionBoundary>
    </div>
  );
}
