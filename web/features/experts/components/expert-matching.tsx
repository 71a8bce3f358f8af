import { Button, Card, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { deploymentRole } from '../../../../server/features/experts/deployments.contract.ts';
import type { ExpertMatch } from '../../../../server/features/experts/matching.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { countryName } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useAssignExpert, useExpertMatches } from '../api/experts.ts';
import { MatchReasons } from './match-reasons.tsx';

function MatchCard({ activityId, match, rank }: { activityId: string; match: ExpertMatch; rank: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const assign = useAssignExpert(activityId);
  const [role, setRole] = useState<string>('expert');
  const [days, setDays] = useState<string | number>(3);
  const { expert } = match;
  const headingId = `match-${expert.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={4} id={headingId}>
            {t('experts.matching.rank', { rank })}{' '}
            <Link to={`/app/experts/${expert.id}`}>{expert.fullName}</Link>
          </Title>
          <Text size="sm">
            {expert.administration}, {countryName(expert.countryCode, language)}
          </Text>
        </div>
        <Text fw={700} aria-label={t('experts.matching.scoreLabel', { score: match.score })}>
          {t('experts.matching.score', { score: new Intl.NumberFormat(language).format(match.score) })}
        </Text>
      </Group>
      <MatchReasons reasons={match.reasons} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          assign.mutate({
            expertId: expert.id,
            role: role as (typeof deploymentRole.options)[number],
            days: Number(days) || 1,
          });
        }}
      >
        <Group align="flex-end" mt="sm" gap="xs">
          <Select
            label={t('experts.deployment.role')}
            data={deploymentRole.options.map((value) => ({ value, label: t(`experts.role.${value}`) }))}
            value={role}
            allowDeselect={false}
            onChange={(value) => setRole(value ?? role)}
            w={170}
          />
          <NumberInput
            label={t('experts.deployment.days')}
            min={1}
            max={90}
            value={days}
            onChange={setDays}
            w={110}
          />
          <Button
            type="submit"
            loading={assign.isPending}
            aria-label={t('experts.matching.assignNamed', { name: expert.fullName })}
          >
            {t('experts.matching.assign')}
          </Button>
        </Group>
      </form>
      {assign.isError && (
        <Stack mt="xs">
          <ErrorAlert error={assign.error} />
        </Stack>
      )}
    </Card>
  );
}

/** The roster ranked for an activity, each expert with the reasons, and a way to deploy them. */
export function ExpertMatching({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const matches = useExpertMatches(activityId, open);
  return (
    <section aria-labelledby="matching-title">
      <Group justify="space-between">
        <Title order={3} size="h4" id="matching-title">
          {t('experts.matching.title')}
        </Title>
        {!open && (
          <Button size="xs" onClick={() => setOpen(true)}>
            {t('experts.matching.find')}
          </Button>
        )}
      </Group>
      {open && matches.isPending && <PageLoader />}
      {matches.isError && <ErrorAlert error={matches.error} />}
      {matches.data && (
        <Stack mt="sm" gap="sm">
          <Text size="sm" role="status">
            {t('experts.matching.summary', { count: matches.data.matches.length })}{' '}
            {t('experts.matching.busy', { busy: matches.data.excludedBusy })}
          </Text>
          {matches.data.matches.map((match, index) => (
            <MatchCard key={match.expert.id} activityId={activityId} match={match} rank={index + 1} />
          ))}
        </Stack>
      )}
    </section>
  );
}
