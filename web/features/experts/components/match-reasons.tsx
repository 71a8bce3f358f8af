import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../../../server/features/experts/matching.contract.ts';
import { countryName, formatDate, languageName } from '../../../lib/format.ts';
import { useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';

/** Why an expert ranks where they do, criterion by criterion, with the points each earned. */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const nameOf = (list: { code: string; name: string }[] | undefined, code: string) =>
    list?.find((item) => item.code === code)?.name ?? code;
  const describe = (reason: MatchReason) => {
    const p = reason.params;
    const params: Record<string, string | number> = { ...p };
    if (typeof p.language === 'string') params.language = languageName(p.language, language);
    if (typeof p.level === 'string') params.level = t(`experts.level.${p.level}`);
    if (typeof p.country === 'string') params.country = countryName(p.country, language);
    if (typeof p.region === 'string') params.region = nameOf(taxonomy.data?.regions, p.region);
    if (typeof p.topics === 'string') {
      params.topics = p.topics
        .split(', ')
        .map((code) => nameOf(taxonomy.data?.topics, code))
        .join(', ');
    }
    if (typeof p.gender === 'string') params.gender = t(`experts.gender.${p.gender}`);
    if (typeof p.startDate === 'string') params.startDate = formatDate(p.startDate, language) ?? p.startDate;
    if (typeof p.endDate === 'string') params.endDate = formatDate(p.endDate, language) ?? p.endDate;
    if (typeof p.average === 'number') params.average = new Intl.NumberFormat(language).format(p.average);
    return t(`experts.reason.${reason.code}`, { ...params, defaultValue: reason.text });
  };
  return (
    <List size="sm" spacing={2}>
      {reasons.map((reason) => (
        <List.Item key={`${reason.criterion}:${reason.code}`}>
          <Text size="sm" component="span">
            {describe(reason)}{' '}
            <Text span c="gray.7" size="xs">
              {t('experts.matching.points', {
                points: new Intl.NumberFormat(language).format(reason.points),
                max: reason.max,
              })}
            </Text>
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
