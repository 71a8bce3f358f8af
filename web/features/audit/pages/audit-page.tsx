import { Badge, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { type AuditFilters, useAuditEvents } from '../api/audit.ts';

const filterNames = ['entityType', 'entityId', 'actor', 'from', 'to'] as const;

/** The audit log for admins: who changed what and when, filtered by record, person and dates. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('audit.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    filterNames.map((name) => [name, searchParams.get(name) || undefined]).filter(([, v]) => v),
  );
  const [draft, setDraft] = useState<Record<string, string>>(
    Object.fromEntries(filterNames.map((name) => [name, searchParams.get(name) ?? ''])),
  );
  const events = useAuditEvents(filters);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearchParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== '')));
  };
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('audit.title')}</Title>
      <Text>{t('audit.intro')}</Text>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('audit.filters')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('audit.entityType')}
            value={draft.entityType}
            onChange={(e) => setDraft({ ...draft, entityType: e.currentTarget.value })}
          />
          <TextInput
            label={t('audit.entityId')}
            value={draft.entityId}
            onChange={(e) => setDraft({ ...draft, entityId: e.currentTarget.value })}
          />
          <TextInput
            label={t('audit.actor')}
            description={t('audit.actorHint')}
            value={draft.actor}
            onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('audit.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <Button type="submit">{t('audit.apply')}</Button>
        </Group>
      </Paper>
      {events.isError && <ErrorAlert error={events.error} />}
      {events.isPending && <PageLoader />}
      {events.isSuccess && items.length === 0 && <Text role="status">{t('audit.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.when')}</Table.Th>
                <Table.Th scope="col">{t('audit.who')}</Table.Th>
                <Table.Th scope="col">{t('audit.event')}</Table.Th>
                <Table.Th scope="col">{t('audit.record')}</Table.Th>
                <Table.Th scope="col">{t('audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <time dateTime={item.at}>{when(item.at)}</time>
                  </Table.Td>
                  <Table.Td dir="auto">
                    {item.actor ? `${item.actor.name} (${item.actor.email})` : t('audit.system')}
                  </Table.Td>
                  <Table.Td dir="ltr">
                    <Code>{item.event}</Code>
                  </Table.Td>
                  <Table.Td dir="ltr">
                    {item.entityType}
                    {item.entityId ? ` ${item.entityId}` : ''}
                  </Table.Td>
                  <Table.Td dir="ltr">
                    {Object.keys(item.changes).length > 0 && (
                      <Code block style={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}>
                        {JSON.stringify(item.changes, null, 1)}
                      </Code>
                    )}
                    {item.erased && <Badge variant="light">{t('audit.erased')}</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Button variant="default" onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
          {t('audit.more')}
        </Button>
      )}
    </Stack>
  );
}
