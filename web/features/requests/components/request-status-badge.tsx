import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../server/features/requests/requests.contract.ts';

type Status = RequestDetail['status'];

/** Dark text on a light tint of the same hue, each pair above 6:1 (see the Action status badge). */
const tones: Record<Status, { bg: string; c: string }> = {
  draft: { bg: 'gray.1', c: 'gray.8' },
  submitted: { bg: 'blue.0', c: '#1c4f9c' },
  screening: { bg: 'indigo.0', c: '#3b3f9e' },
  clarification: { bg: 'yellow.0', c: '#6b4200' },
  steering_review: { bg: 'violet.0', c: '#4c2fa6' },
  approved: { bg: 'teal.0', c: '#05573f' },
  declined: { bg: 'red.0', c: '#9b1c1c' },
  withdrawn: { bg: 'gray.1', c: 'gray.8' },
};

export function RequestStatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" {...tones[status]} className="status-badge" data-status={status}>
      {t(`requests.status.${status}`)}
    </Badge>
  );
}
