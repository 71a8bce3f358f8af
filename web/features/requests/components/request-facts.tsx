import { List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../server/features/requests/requests.contract.ts';
import { countryName, formatDate } from '../../../lib/format.ts';
import { useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <Text component="dt" fw={600}>
        {term}
      </Text>
      <Text component="dd" dir="auto">
        {children}
      </Text>
    </div>
  );
}

function Items({ items }: { items: string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>{t('common.none')}</>;
  return (
    <List size="sm" className="fact-list">
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

const named = (i: { name: string; acronym: string | null }) =>
  i.acronym ? `${i.name} (${i.acronym})` : i.name;

/** What the partner asked for, as everyone who sees the request reads it. */
export function RequestFacts({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const topicName = new Map((taxonomy.data?.topics ?? []).map((topic) => [topic.code, topic.name]));
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  return (
    <dl className="facts">
      <Fact term={t('requests.detail.requesting')}>
        {request.requestingInstitution ? named(request.requestingInstitution) : t('common.notSet')}
      </Fact>
      <Fact term={t('requests.detail.joint')}>
        <Items items={request.jointInstitutions.map(named)} />
      </Fact>
      <Fact term={t('requests.detail.countries')}>
        <Items items={request.countries.map((code) => countryName(code, language))} />
      </Fact>
      <Fact term={t('requests.detail.topics')}>
        <Items items={request.topics.map((code) => topicName.get(code) ?? code)} />
      </Fact>
      <Fact term={t('requests.detail.channel')}>{t(`requests.channel.${request.channel}`)}</Fact>
      <Fact term={t('requests.detail.submitted')}>
        {formatDate(request.submittedAt, language) ?? t('common.notSet')}
      </Fact>
      <Fact term={t('requests.detail.problem')}>{request.problem || t('common.notSet')}</Fact>
      <Fact term={t('requests.detail.expectedChange')}>{request.expectedChange || t('common.notSet')}</Fact>
      <Fact term={t('requests.detail.targetGroups')}>
        <Items
          items={request.targetGroups.map((group) =>
            group.estimatedNumber === null
              ? group.description
              : t('requests.detail.targetGroupWithNumber', {
                  group: group.description,
                  count: group.estimatedNumber,
                }),
          )}
        />
      </Fact>
      <Fact term={t('requests.detail.preferredTiming')}>{request.preferredTiming || t('common.notSet')}</Fact>
      <Fact term={t('requests.detail.workingLanguages')}>
        <Items items={request.workingLanguages.map((code) => languageNames.of(code) ?? code)} />
      </Fact>
      <Fact term={t('requests.detail.earlierAssistance')}>
        {request.earlierAssistance || t('common.notSet')}
      </Fact>
    </dl>
  );
}
