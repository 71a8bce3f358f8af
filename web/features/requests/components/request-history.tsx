import { Anchor, Button, FileInput, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../server/features/requests/requests.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useLanguage } from '../../../lib/use-language.ts';
import {
  attachmentUrl,
  useMessages,
  usePostMessage,
  useTimeline,
  useUploadAttachment,
} from '../api/requests.ts';

const when = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** Every transition, oldest first: who, when, from, to, and why. */
export function TimelinePanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const timeline = useTimeline(requestId);
  const status = (s: string) => t(`requests.status.${s}`);
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} size="h3" id="timeline-title">
        {t('requests.timeline.title')}
      </Title>
      {timeline.isError && <ErrorAlert error={timeline.error} />}
      <List component="ol" mt="sm" spacing="xs" data-testid="timeline">
        {timeline.data?.items.map((step) => (
          <List.Item key={step.id}>
            <Text fw={600} component="span">
              {step.from
                ? t('requests.timeline.moved', { from: status(step.from), to: status(step.to) })
                : t('requests.timeline.created')}
            </Text>{' '}
            <Text component="span" size="sm">
              <time dateTime={step.at}>{when(step.at, language)}</time>
              {step.by && ` · ${t('requests.timeline.by', { name: step.by.name })}`}
            </Text>
            {step.reason && (
              <Text size="sm" dir="auto">
                {t('requests.timeline.reason', { reason: step.reason })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </section>
  );
}

/** The thread between the partner and the facility, and a box to write in it. */
export function ConversationPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const messages = useMessages(request.id);
  const post = usePostMessage(request.id);
  const [text, setText] = useState('');
  function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    post.mutate(text.trim(), { onSuccess: () => setText('') });
  }
  return (
    <section aria-labelledby="conversation-title">
      <Title order={2} size="h3" id="conversation-title">
        {t('requests.conversation.title')}
      </Title>
      {messages.isError && <ErrorAlert error={messages.error} />}
      {messages.data?.items.length === 0 && <Text mt="xs">{t('requests.conversation.empty')}</Text>}
      <Stack mt="sm" gap="sm" data-testid="conversation">
        {messages.data?.items.map((message) => (
          <Paper key={message.id} withBorder p="sm" component="article">
            <Text size="sm" fw={600}>
              {t(`requests.conversation.kind.${message.kind}`)} · {message.by?.name ?? '—'} ·{' '}
              <time dateTime={message.at}>{when(message.at, language)}</time>
            </Text>
            <Text dir="auto" className="prose">
              {message.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      {request.allowed.includes('write') && (
        <form onSubmit={send}>
          <Stack gap="xs" mt="sm">
            <Textarea
              label={t('requests.conversation.message')}
              autosize
              minRows={2}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
            />
            {post.isError && <ErrorAlert error={post.error} />}
            <Button type="submit" variant="default" loading={post.isPending} w="fit-content">
              {t('requests.conversation.send')}
            </Button>
          </Stack>
        </form>
      )}
    </section>
  );
}

/** The files attached to the request, and a way to attach one while the request may take it. */
export function AttachmentsPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(request.id);
  const [file, setFile] = useState<File | null>(null);
  return (
    <section aria-labelledby="attachments-title">
      <Title order={2} size="h3" id="attachments-title">
        {t('requests.attachments.title')}
      </Title>
      {request.attachments.length === 0 ? (
        <Text mt="xs">{t('requests.attachments.none')}</Text>
      ) : (
        <List mt="xs">
          {request.attachments.map((attachment) => (
            <List.Item key={attachment.id}>
              <Anchor
                href={attachmentUrl(request.id, attachment.id)}
                download
                aria-label={t('requests.attachments.download', { name: attachment.name })}
              >
                {attachment.name}
              </Anchor>
              {attachment.kind === 'original' && ` (${t('requests.attachments.original')})`}
            </List.Item>
          ))}
        </List>
      )}
      {request.allowed.includes('attach') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (file) upload.mutate(file, { onSuccess: () => setFile(null) });
          }}
        >
          <Stack gap="xs" mt="sm" maw={480}>
            <FileInput
              label={t('requests.attachments.file')}
              accept="application/pdf,.doc,.docx,image/png,image/jpeg,image/webp"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('filters.clear') }}
            />
            {upload.isError && <ErrorAlert error={upload.error} />}
            <Button
              type="submit"
              variant="default"
              disabled={!file}
              loading={upload.isPending}
              w="fit-content"
            >
              {t('requests.attachments.upload')}
            </Button>
          </Stack>
        </form>
      )}
    </section>
  );
}
