import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicActionItem } from '../../../../server/features/public/public.contract.ts';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { countryNames } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

export function PublicActionCard({ action }: { action: PublicActionItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card component="article" withBorder padding="md" aria-labelledby={`action-${action.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={3} size="h4" id={`action-${action.id}`}>
          <Anchor component={Link} to={`/actions/${action.id}`} inherit>
            {action.name}
          </Anchor>
        </Title>
        <StatusBadge status={action.status} />
      </Group>
      <Text mt="xs" dir="auto">
        {action.title}
      </Text>
      <Text size="sm" mt="sm">
        <strong>{t('common.label', { label: t('action.countries') })}</strong>{' '}
        {countryNames(action.countries, language)}
      </Text>
      {action.requestingInstitution && (
        <Text size="sm">
          <strong>{t('common.label', { label: t('action.requestedBy') })}</strong>{' '}
          {action.requestingInstitution.name}
        </Text>
      )}
    </Card>
  );
}
