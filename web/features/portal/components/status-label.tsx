import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../../../lib/action-status.ts';

export function StatusLabel({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
