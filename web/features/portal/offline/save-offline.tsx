import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  offlineSupported,
  readSavedGuides,
  removeGuide,
  type SavedGuide,
  saveGuide,
} from './saved-guides.ts';

type State = 'unknown' | 'unsupported' | 'idle' | 'saving' | 'saved' | 'failed';

/** "Save for offline": keeps this guide's page and file on the device. */
export function SaveOffline({ guide }: { guide: Omit<SavedGuide, 'savedAt'> }) {
  const { t } = useTranslation();
  // The server renders the button as it is before anything is known of this device.
  const [state, setState] = useState<State>('unknown');
  useEffect(() => {
    if (!offlineSupported()) setState('unsupported');
    else setState(readSavedGuides().some((g) => g.id === guide.id) ? 'saved' : 'idle');
  }, [guide.id]);
  const save = async () => {
    setState('saving');
    try {
      await saveGuide(guide);
      setState('saved');
    } catch {
      setState('failed');
    }
  };
  const remove = async () => {
    await removeGuide(guide.id);
    setState('idle');
  };
  if (state === 'unsupported') return <p className="card-meta">{t('portal.offline.unsupported')}</p>;
  return (
    <div className="save-offline">
      {state === 'saved' ? (
        <button type="button" className="button button-secondary" onClick={remove}>
          {t('portal.offline.remove')}
        </button>
      ) : (
        <button
          type="button"
          className="button"
          onClick={save}
          disabled={state === 'saving' || state === 'unknown'}
          aria-describedby={`offline-status-${guide.id}`}
        >
          {t('portal.offline.save')}
        </button>
      )}
      <p id={`offline-status-${guide.id}`} className="card-meta" role="status">
        {state === 'saving' && t('portal.offline.saving')}
        {state === 'saved' && t('portal.offline.saved')}
        {state === 'failed' && t('portal.offline.failed')}
      </p>
    </div>
  );
}
