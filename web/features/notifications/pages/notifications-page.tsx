import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationItem } from '../../../../server/features/notifications/notifications.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ListPagination } from '../../../components/list-pagination.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useMarkRead, useNotifications } from '../api/notifications.ts';

export function NotificationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const notifications = useNotifications(page, 20);
  const markRead = useMarkRead();
  usePageTitle(t('notifications.title'));
  const text = (item: NotificationItem) => t(`notifications.kinds.${item.kind}`, item.params);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('notifications.title')}</Title>
        {(notifications.data?.unread ?? 0) > 0 && (
          <Button variant="default" onClick={() => markRead.mutate('all')} loading={markRead.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Group>
      {notifications.isError && <ErrorAlert error={notifications.error} />}
      {notifications.isPending && <PageLoader />}
      {notifications.data?.items.length === 0 && <Text role="status">{t('notifications.empty')}</Text>}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
        {notifications.data?.items.map((item) => (
          <Paper key={item.id} component="li" withBorder p="sm" bg={item.read ? undefined : 'blue.0'}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Anchor
                  component={Link}
                  to={item.link}
                  fw={item.read ? 400 : 700}
                  dir="auto"
                  onClick={() => !item.read && markRead.mutate(item.id)}
                >
                  {text(item)}
                </Anchor>
                <Text size="sm">
                  <time dateTime={item.createdAt}>
                    {new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
                      new Date(item.createdAt),
                    )}
                  </time>
                  {!item.read && ` · ${t('notifications.unread')}`}
                </Text>
              </div>
              {!item.read && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => markRead.mutate(item.id)}
                  aria-label={t('notifications.markReadLabel', { text: text(item) })}
                >
                  {t('notifications.markRead')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {notifications.data && notifications.data.total > notifications.data.pageSize && (
        <ListPagination
          page={notifications.data.page}
          pageSize={notifications.data.pageSize}
          total={notifications.data.total}
          onChange={setPage}
        />
      )}
    </Stack>
  );
}
