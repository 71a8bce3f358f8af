import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useLanguage } from '../../../lib/use-language.ts';
import { portalQueries as q, usePortalQuery } from '../api/portal-queries.ts';
import { QueryState } from '../components/query-state.tsx';
import { type HeadOf, usePageHead } from '../lib/page-head.ts';
import { LibraryItemMeta } from '../library/library-results.tsx';
import { SaveOffline } from '../offline/save-offline.tsx';
import { registerServiceWorker } from '../offline/saved-guides.ts';

export const head: HeadOf = ({ t, language, params, data }) => {
  const document = data(q.libraryDocument(language, params.id ?? ''));
  return {
    title: document?.title ?? t('portal.library.title'),
    description: document?.summary || t('portal.library.description'),
    type: 'article',
  };
};

/** One document of the library to read on the page; a field guide can be saved to read offline. */
export function Page() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  usePageHead(head);
  const document = usePortalQuery(q.libraryDocument(language, id));
  useEffect(() => {
    void registerServiceWorker().catch(() => undefined);
  }, []);
  return (
    <QueryState query={document}>
      {(doc) => (
        <article className="stack-lg library-document" aria-labelledby="document-title">
          <div className="intro">
            <h1 id="document-title" dir="auto">
              {doc.title}
            </h1>
            <LibraryItemMeta item={doc} />
            {doc.summary && (
              <p className="lead" dir="auto">
                {doc.summary}
              </p>
            )}
            <div className="document-actions">
              {doc.downloadUrl && (
                <a href={doc.downloadUrl} hrefLang={doc.language} className="button button-secondary">
                  {t('portal.library.download')}
                </a>
              )}
              {doc.fieldGuide && (
                <SaveOffline
                  guide={{
                    id: doc.id,
                    title: doc.title,
                    language: doc.language,
                    pageUrl: `/library/${doc.id}?lang=${language}`,
                    fileUrl: doc.downloadUrl,
                  }}
                />
              )}
            </div>
          </div>
          <section aria-labelledby="document-text" lang={doc.language} dir="auto" className="document-text">
            <h2 id="document-text">{t('portal.library.text')}</h2>
            {doc.paragraphs.length === 0 ? (
              <p>{t('portal.library.noTextLong')}</p>
            ) : (
              doc.paragraphs.map((paragraph, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of a document never move
                <p key={index}>{paragraph}</p>
              ))
            )}
          </section>
        </article>
      )}
    </QueryState>
  );
}
