import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { offlineSupported, readSavedGuides, registerServiceWorker, type SavedGuide } from './saved-guides.ts';

/**
 * The guides saved on this device. Plain links: when the network is gone, the service worker
 * answers them from what was saved.
 */
export function SavedGuideList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [saved, setSaved] = useState<SavedGuide[] | null>(null);
  useEffect(() => {
    setSaved(readSavedGuides());
    void registerServiceWorker().catch(() => undefined);
  }, []);
  if (saved === null) return <p className="card-meta">{t('portal.offline.checking')}</p>;
  if (!offlineSupported()) return <p>{t('portal.offline.unsupported')}</p>;
  if (saved.length === 0) return <p>{t('portal.offline.noneSaved')}</p>;
  return (
    <ul className="resource-list" id="saved-guides">
      {saved.map((guide) => (
        <li key={guide.id}>
          <a href={guide.pageUrl} lang={guide.language} dir="auto">
            {guide.title}
          </a>
          <p className="card-meta">
            {t('portal.offline.savedOn', { date: formatDate(guide.savedAt.slice(0, 10), language) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
