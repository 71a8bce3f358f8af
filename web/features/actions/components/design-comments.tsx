import { Button, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDesign } from '../../../../server/features/actions/action-design.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useDesignComment } from '../api/action-workspace.ts';

/** The partner's and the team's comments on the design, and a form to add one. */
export function DesignComments({ design, canComment }: { design: ActionDesign; canComment: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const comment = useDesignComment(design.actionId);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) comment.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  return (
    <section aria-labelledby="design-comments">
      <Title order={3} size="h4" id="design-comments">
        {t('actionWorkspace.design.comments')}
      </Title>
      {design.comments.length === 0 ? (
        <Text mt="xs">{t('actionWorkspace.design.noComments')}</Text>
      ) : (
        <List mt="xs" spacing="sm" listStyleType="none">
          {design.comments.map((c) => (
            <List.Item key={c.id}>
              <Text size="sm" fw={600}>
                {t('actionWorkspace.design.commentBy', {
                  name: c.authorName,
                  role: t(`roles.${c.authorRole}`),
                  date: formatDateTime(c.createdAt, language),
                })}
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
              label={t('actionWorkspace.design.addComment')}
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Button type="submit" w="fit-content" loading={comment.isPending} disabled={!body.trim()}>
              {t('actionWorkspace.design.postComment')}
            </Button>
          </Stack>
        </form>
      )}
    </section>
  );
}
