import { Button, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliverableDetail } from '../../../../server/features/deliverables/deliverables.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useCommentOnDeliverable } from '../api/deliverables.ts';

/** The comments on a deliverable (the partner's during review above all), and a form for one more. */
export function DeliverableComments({
  deliverable,
  canComment,
}: {
  deliverable: DeliverableDetail;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const comment = useCommentOnDeliverable(deliverable.id);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    comment.mutate(
      { body: body.trim(), versionNumber: deliverable.latestVersion ?? undefined },
      { onSuccess: () => setBody('') },
    );
  };
  return (
    <section aria-labelledby="deliverable-comments">
      <Title order={2} size="h4" id="deliverable-comments">
        {t('deliverables.comments.title')}
      </Title>
      {deliverable.comments.length === 0 ? (
        <Text mt="xs">{t('deliverables.comments.none')}</Text>
      ) : (
        <List mt="xs" spacing="sm" listStyleType="none">
          {deliverable.comments.map((c) => (
            <List.Item key={c.id}>
              <Text size="sm" fw={600}>
                {t('deliverables.comments.by', {
                  name: c.authorName,
                  role: t(`roles.${c.authorRole}`),
                  date: formatDateTime(c.createdAt, language),
                })}
                {c.versionNumber !== null &&
                  ` · ${t('deliverables.comments.onVersion', { number: c.versionNumber })}`}
              </Text>
              <Text size="sm" dir="auto" className="prose">
                {c.body}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {canComment && (
        <form onSubmit={submit}>
          <Stack mt="sm" gap="xs">
            {comment.isError && <ErrorAlert error={comment.error} />}
            <Textarea
              label={t('deliverables.comments.add')}
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Button type="submit" w="fit-content" loading={comment.isPending} disabled={!body.trim()}>
              {t('deliverables.comments.post')}
            </Button>
          </Stack>
        </form>
      )}
    </section>
  );
}
