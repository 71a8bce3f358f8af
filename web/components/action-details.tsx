import { Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../lib/action-status.ts';
import { countryName, formatDate } from '../lib/format.ts';
import { useLanguage } from '../lib/use-language.ts';
import { StatusBadge } from './status-badge.tsx';

type Named = { code: string; name: string };

/** What the public and the staff Action pages both show; each contract has at least these fields. */
export type ActionDetailsData = {
  name: string;
  title: string;
  summary: string;
  status: ActionStatus;
  countries: string[];
  institutions: { id: string; name: string; acronym: string | null; role: 'requesting' | 'beneficiary' }[];
  topicNames: Named[];
  pillars: Named[];
  approaches: Named[];
  partners: { name: string; acronym: string | null }[];
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
};

function withAcronym(item: { name: string; acronym: string | null }) {
  return item.acronym && item.acronym !== item.name ? `${item.name} (${item.acronym})` : item.name;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <Text component="dt" fw={600}>
        {term}
      </Text>
      <Text component="dd">{children}</Text>
    </div>
  );
}

function Items({ items }: { items: string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>{t('common.none')}</>;
  return (
    <List size="sm" component="ul" className="fact-list">
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

/** The Action's heading: its name, title and status. */
export function ActionHeader({ action }: { action: Pick<ActionDetailsData, 'name' | 'title' | 'status'> }) {
  return (
    <header>
      <Title order={1}>{action.name}</Title>
      <Text size="lg" mt="xs" dir="auto">
        {action.title}
      </Text>
      <Group mt="sm">
        <StatusBadge status={action.status} />
      </Group>
    </header>
  );
}

/** Everything about an Action; `withHeader={false}` when the page shows the heading itself. */
export function ActionDetails({
  action,
  withHeader = true,
}: {
  action: ActionDetailsData;
  withHeader?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const period = (start: string | null, end: string | null) =>
    start || end
      ? t('action.period', {
          start: formatDate(start, language) ?? t('common.notSet'),
          end: formatDate(end, language) ?? t('common.notSet'),
        })
      : t('common.notSet');

  return (
    <Stack gap="lg">
      {withHeader && <ActionHeader action={action} />}
      <section aria-labelledby="action-summary">
        <Title order={2} size="h3" id="action-summary">
          {t('action.summary')}
        </Title>
        <Text mt="xs" className="prose" dir="auto">
          {action.summary}
        </Text>
      </section>
      <section aria-labelledby="action-facts">
        <Title order={2} size="h3" id="action-facts">
          {t('action.facts')}
        </Title>
        <dl className="facts">
          <Fact term={t('action.status')}>{t(`status.${action.status}`)}</Fact>
          <Fact term={t('action.plannedPeriod')}>{period(action.plannedStart, action.plannedEnd)}</Fact>
          <Fact term={t('action.actualPeriod')}>{period(action.actualStart, action.actualEnd)}</Fact>
          <Fact term={t('action.countries')}>
            <Items items={action.countries.map((code) => countryName(code, language))} />
          </Fact>
          <Fact term={t('action.institutions')}>
            <Items
              items={action.institutions.map((institution) =>
                t('action.institutionWithRole', {
                  institution: withAcronym(institution),
                  role: t(`institutionRole.${institution.role}`),
                }),
              )}
            />
          </Fact>
          <Fact term={t('action.topics')}>
            <Items items={action.topicNames.map((topic) => topic.name)} />
          </Fact>
          <Fact term={t('action.pillars')}>
            <Items items={action.pillars.map((pillar) => pillar.name)} />
          </Fact>
          <Fact term={t('action.approaches')}>
            <Items items={action.approaches.map((approach) => approach.name)} />
          </Fact>
          <Fact term={t('action.partners')}>
            <Items items={action.partners.map(withAcronym)} />
          </Fact>
        </dl>
      </section>
    </Stack>
  );
}
