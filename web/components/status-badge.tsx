import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../lib/action-status.ts';

/**
 * A tint behind dark text of the same hue: Mantine's "light" badges fall just under 4.5:1 at this
 * small size, so each status sets its own pair (each above 6:1).
 */
const tones: Record<ActionStatus, { bg: string; c: string }> = {
  design: { bg: 'violet.0', c: '#4c2fa6' },
  implementation: { bg: 'teal.0', c: '#05573f' },
  closing: { bg: 'orange.0', c: '#943305' },
  completed: { bg: 'gray.1', c: 'gray.8' },
  cancelled: { bg: 'red.0', c: '#9b1c1c' },
  suspended: { bg: 'yellow.0', c: '#6b4200' },
};

export function StatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" {...tones[status]} className="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
