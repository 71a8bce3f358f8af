import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { countryName, formatDate, languageName } from '../../../lib/format.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useExpert } from '../api/experts.ts';
import { AssignmentsTable } from '../components/assignments-table.tsx';
import { CvUpload } from '../components/cv-upload.tsx';

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

/** One expert of the roster: profile, experience, availability, deployments and feedback. */
export function ExpertPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const user = useStaffUser();
  const { id = '' } = useParams();
  const expert = useExpert(id);
  usePageTitle(expert.data?.fullName ?? t('experts.profile.title'));
  if (expert.isPending) return <PageLoader />;
  if (expert.isError) return <ErrorAlert error={expert.error} />;
  const e = expert.data;
  const topicName = (code: string) =>
    taxonomy.data?.topics.find((topic) => topic.code === code)?.name ?? code;
  const regionName = (code: string) =>
    taxonomy.data?.regions.find((region) => region.code === code)?.name ?? code;
  const none = t('common.none');
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/app/experts" w="fit-content">
        {t('experts.profile.back')}
      </Anchor>
      <header>
        <Title order={1}>{e.fullName}</Title>
        <Group mt="xs" gap="xs">
          <Text>
            {e.administration}, {countryName(e.countryCode, language)}
          </Text>
          {e.hasAccount && (
            <Badge variant="outline" color="gray.8">
              {t('experts.profile.hasAccount')}
            </Badge>
          )}
        </Group>
      </header>
      <section aria-labelledby="expert-profile">
        <Title order={2} size="h4" id="expert-profile">
          {t('experts.profile.facts')}
        </Title>
        <dl className="facts">
          <Fact term={t('experts.form.gender')}>{t(`experts.gender.${e.gender}`)}</Fact>
          <Fact term={t('experts.profile.nationality')}>
            {e.nationality ? countryName(e.nationality, language) : none}
          </Fact>
          <Fact term={t('experts.form.publicSector')}>
            {t(`experts.publicSector.${e.publicSectorStatus}`)}
          </Fact>
          <Fact term={t('experts.form.nominatedBy')}>{e.nominatedBy ?? none}</Fact>
          <Fact term={t('experts.form.languages')}>
            {e.languages
              .map((l) => `${languageName(l.language, language)} (${t(`experts.level.${l.level}`)})`)
              .join(', ')}
          </Fact>
          <Fact term={t('experts.form.topics')}>{e.topics.map(topicName).join(', ') || none}</Fact>
          <Fact term={t('experts.form.skills')}>
            {e.skills.map((s) => t(`experts.skill.${s}`)).join(', ') || none}
          </Fact>
          <Fact term={t('experts.form.experience')}>
            {[
              ...e.experienceCountries.map((c) => countryName(c, language)),
              ...e.experienceRegions.map(regionName),
            ].join(', ') || none}
          </Fact>
          <Fact term={t('experts.profile.availability')}>
            {e.availability.length
              ? e.availability
                  .map((w) => `${formatDate(w.startDate, language)} – ${formatDate(w.endDate, language)}`)
                  .join('; ')
              : t('experts.profile.availabilityUnknown')}
          </Fact>
          <Fact term={t('experts.form.conflictOfInterest')}>
            {e.conflictOfInterest
              ? t('experts.profile.declared', {
                  text: e.conflictOfInterest,
                  date: formatDate(e.conflictDeclaredOn, language),
                })
              : t('experts.profile.notDeclared')}
          </Fact>
        </dl>
      </section>
      <section aria-labelledby="expert-contact">
        <Title order={2} size="h4" id="expert-contact">
          {t('experts.profile.contact')}
        </Title>
        {e.contactHidden ? (
          <Alert variant="light" color="gray" mt="xs">
            {t('experts.profile.contactHidden')}
          </Alert>
        ) : (
          <dl className="facts">
            <Fact term={t('experts.form.email')}>{e.email ?? none}</Fact>
            <Fact term={t('experts.form.phone')}>{e.phone ?? none}</Fact>
            <Fact term={t('experts.profile.cv')}>
              {e.cv ? (
                <Anchor href={`/api/experts/${e.id}/cv`} download>
                  {e.cv.name}
                </Anchor>
              ) : (
                none
              )}
            </Fact>
          </dl>
        )}
        {isStaffRole(user.role) && <CvUpload expertId={e.id} />}
      </section>
      <section aria-labelledby="expert-history">
        <Title order={2} size="h4" id="expert-history" mb="xs">
          {t('experts.profile.history')}
        </Title>
        {e.deploymentHistory.length === 0 ? (
          <Text>{t('experts.profile.noHistory')}</Text>
        ) : (
          <AssignmentsTable
            rows={e.deploymentHistory}
            caption={t('experts.profile.historyCaption', { total: e.deploymentHistory.length })}
            showFeedback
          />
        )}
      </section>
    </Stack>
  );
}
