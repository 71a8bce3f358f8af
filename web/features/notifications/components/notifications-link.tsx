import { Anchor, Badge, VisuallyHidden } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../lib/use-language.ts';
import { useMailLanguageSync, useNotifications } from '../api/notifications.ts';

/** The header's way to the notifications, with the number unread; it also keeps the mail language. */
export function NotificationsLink() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notifications = useNotifications(1, 1);
  const mail = useMailLanguageSync();
  const unread = notifications.data?.unread ?? 0;
  useEffect(() => {
    if (mail.current && mail.current !== language && !mail.save.isPending) mail.save.mutate(language);
  }, [mail.current, language, mail.save]);
  return (
    <Anchor component={Link} to="/app/notifications" ms="auto" fw={500}>
      {t('notifications.title')}
      {unread > 0 && (
        <Badge ms={6} color="red.9">
          {unread}
          <VisuallyHidden> {t('notifications.unread')}</VisuallyHidden>
        </Badge>
      )}
    </Anchor>
  );
}
