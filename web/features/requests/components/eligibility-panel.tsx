import { Badge, Group, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../server/features/requests/requests.contract.ts';
import { countryNames, formatDate } from '../../../lib/format.ts';
import { useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';

const tones = {
  pass: { bg: 'teal.0', c: '#05573f' },
  warning: { bg: 'yellow.0', c: '#6b4200' },
  fail: { bg: 'red.0', c: '#9b1c1c' },
} as const;

/** Each rule's result with its reason, worded in the reader's language from the rule's parameters. */
export function EligibilityPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const topicName = new Map((taxonomy.data?.topics ?? []).map((topic) => [topic.code, topic.name]));
  const list = (items: string[] | undefined) =>
    items?.length ? new Intl.ListFormat(language, { type: 'conjunction' }).format(items) : t('common.none');
  const words = (params: Record<string, string[]>) => ({
    countries: countryNames(params.countries ?? [], language),
    outside: params.topics
      ? list(params.outside?.map((c) => topicName.get(c) ?? c))
      : countryNames(params.outside ?? [], language),
    topics: list(params.topics?.map((code) => topicName.get(code) ?? code)),
    institution: list(params.institution),
    joint: list(params.joint),
    actions: list(params.actions),
    requests: list(params.requests),
  });
  return (
    <section aria-labelledby="eligibility-title">
      <Title order={2} size="h3" id="eligibility-title">
        {t('requests.eligibility.title')}
      </Title>
      {!request.eligibility ? (
        <Text mt="xs">{t('requests.eligibility.notYet')}</Text>
      ) : (
        <>
          {request.eligibilityCheckedAt && (
            <Text size="sm" mt="xs">
              {t('requests.eligibility.checkedAt', {
                date: formatDate(request.eligibilityCheckedAt, language),
              })}
            </Text>
          )}
          <List mt="sm" spacing="sm" listStyleType="none" data-testid="eligibility">
            {request.eligibility.map((result) => (
              <List.Item key={result.rule} data-rule={result.rule} data-outcome={result.outcome}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="light" {...tones[result.outcome]} miw={80}>
                    {t(`requests.eligibility.outcome.${result.outcome}`)}
                  </Badge>
                  <div>
                    <Text fw={600}>{t(`requests.eligibility.rule.${result.rule}`)}</Text>
                    <Text size="sm" dir="auto">
                      {t(`requests.eligibility.reasons.${result.code}`, {
                        ...words(result.params),
                        defaultValue: result.reason,
                      })}
                    </Text>
                  </div>
                </Group>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </section>
  );
}
