import { Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { formatDateTime, languageName } from '../../../lib/format.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useDeliverable } from '../api/deliverables.ts';
import { DeliverableBadges } from '../components/deliverable-badges.tsx';
import { DeliverableComments } from '../components/deliverable-comments.tsx';
import { DeliverableWorkflow, VisibilityEditor } from '../components/deliverable-workflow.tsx';
import { VersionUpload } from '../components/version-upload.tsx';

const sizeOf = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
    Math.max(1, bytes / 1024),
  );

/** A deliverable: its versions, its workflow, and the conversation with the partner about it. */
export function DeliverablePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useStaffUser();
  const { id = '' } = useParams();
  const deliverable = useDeliverable(id);
  usePageTitle(deliverable.data?.title ?? t('deliverables.page.title'));
  if (deliverable.isPending) return <PageLoader />;
  if (deliverable.isError) return <ErrorAlert error={deliverable.error} />;
  const d = deliverable.data;
  const staff = isStaffRole(user.role);
  const actionOpen = d.actionStatus !== 'completed' && d.actionStatus !== 'cancelled';
  // An expert sees themselves in the team list only when they work on it.
  const worksOnIt = user.role === 'expert' && d.experts.length > 0;
  const open = d.status === 'draft' || d.status === 'partner_review';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/app/actions/${d.actionId}?tab=deliverables`} w="fit-content">
        {t('deliverables.page.backToAction', { action: d.actionName })}
      </Anchor>
      <header>
        <Title order={1} dir="auto">
          {d.title}
        </Title>
        <Group mt="sm" gap="sm">
          <DeliverableBadges item={d} />
          <Text>{t(`deliverables.type.${d.type}`)}</Text>
        </Group>
      </header>
      {d.summary && (
        <Text className="prose" dir="auto">
          {d.summary}
        </Text>
      )}
      <Text size="sm">
        {t('deliverables.page.languages', {
          languages: d.languages.map((code) => languageName(code, language)).join(', '),
        })}
        {d.experts.length > 0 &&
          ` · ${t('deliverables.page.team', { names: d.experts.map((e) => e.fullName).join(', ') })}`}
      </Text>
      {actionOpen && <DeliverableWorkflow deliverable={d} user={user} worksOnIt={worksOnIt} />}
      {staff && actionOpen && d.status !== 'published' && (
        <VisibilityEditor key={d.version} deliverable={d} onReload={() => void deliverable.refetch()} />
      )}
      <section aria-labelledby="versions-title">
        <Title order={2} size="h4" id="versions-title">
          {t('deliverables.versions.title')}
        </Title>
        {d.versions.length === 0 ? (
          <Text mt="xs">{t('deliverables.versions.none')}</Text>
        ) : (
          <List mt="xs" spacing="xs" listStyleType="none">
            {[...d.versions].reverse().map((v) => (
              <List.Item key={v.number}>
                <Text size="sm" fw={600}>
                  {t('deliverables.versions.number', { number: v.number })}:{' '}
                  <Anchor href={`/api/deliverables/${d.id}/versions/${v.number}/file`} download>
                    {v.file.name}
                  </Anchor>{' '}
                  ({sizeOf(v.file.size, language)})
                </Text>
                <Text size="sm" dir="auto">
                  {v.changeNote}
                </Text>
                <Text size="xs" c="gray.7">
                  {t('deliverables.versions.uploaded', {
                    name: v.uploadedBy ?? t('deliverables.versions.facility'),
                    date: formatDateTime(v.file.uploadedAt, language),
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>
      {actionOpen && open && (staff || worksOnIt) && (
        <VersionUpload deliverableId={d.id} languages={d.languages} />
      )}
      <DeliverableComments
        deliverable={d}
        canComment={actionOpen && (staff || worksOnIt || user.role === 'partner')}
      />
    </Stack>
  );
}
