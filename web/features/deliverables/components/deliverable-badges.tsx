import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliverableListItem } from '../../../../server/features/deliverables/deliverables.contract.ts';

const tones: Record<DeliverableListItem['status'], { bg: string; c: string }> = {
  draft: { bg: 'gray.1', c: 'gray.8' },
  partner_review: { bg: 'orange.0', c: '#943305' },
  validated: { bg: 'teal.0', c: '#05573f' },
  published: { bg: 'blue.0', c: '#1a4b8c' },
};

/** Where a deliverable is in its workflow, and who may see it. */
export function DeliverableBadges({ item }: { item: Pick<DeliverableListItem, 'status' | 'visibility'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" {...tones[item.status]} data-status={item.status}>
        {t(`deliverables.status.${item.status}`)}
      </Badge>
      <Badge variant="outline" color="gray.8">
        {t(`deliverables.visibility.${item.visibility}`)}
      </Badge>
    </Group>
  );
}
