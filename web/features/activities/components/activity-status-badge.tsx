import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityListItem } from '../../../../server/features/activities/activities.contract.ts';

type Status = ActivityListItem['status'];

/** Dark text on a light tint of the same hue, each pair above 4.5:1 at badge size. */
const tones: Record<Status, { bg: string; c: string }> = {
  planned: { bg: 'gray.1', c: 'gray.8' },
  confirmed: { bg: 'blue.0', c: '#1a4b8c' },
  held: { bg: 'teal.0', c: '#05573f' },
  reported: { bg: 'green.0', c: '#1e5b24' },
  postponed: { bg: 'yellow.0', c: '#6b4200' },
  cancelled: { bg: 'red.0', c: '#9b1c1c' },
};

export function ActivityStatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" {...tones[status]} data-status={status}>
      {t(`activities.status.${status}`)}
    </Badge>
  );
}
