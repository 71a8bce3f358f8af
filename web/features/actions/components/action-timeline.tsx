import { Badge, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { countryName, formatDate, formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useActionTimeline } from '../api/action-workspace.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The life of an Action in date order; what lies ahead is marked as such. */
export function ActionTimeline({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const timeline = useActionTimeline(actionId);
  if (timeline.isPending) return <PageLoader />;
  if (timeline.isError) return <ErrorAlert error={timeline.error} />;
  const items = timeline.data.items;
  const past = items.filter((item) => item.at.slice(0, 10) <= today()).length;
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} size="h3" id="timeline-title" mb="md">
        {t('actionWorkspace.timeline.title')}
      </Title>
      <Timeline
        active={past - 1}
        bulletSize={14}
        lineWidth={2}
        component="ol"
        style={{ listStyle: 'none', paddingInlineStart: 0 }}
      >
        {items.map((item, index) => {
          const when =
            item.at.length === 10 ? formatDate(item.at, language) : formatDateTime(item.at, language);
          const link =
            item.subjectType === 'activity'
              ? `/app/activities/${item.subjectId}`
              : item.subjectType === 'deliverable'
                ? `/app/deliverables/${item.subjectId}`
                : null;
          return (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: events may share a subject and a time
              key={index}
              component="li"
              title={t(`actionWorkspace.timeline.kind.${item.kind}`, { defaultValue: item.kind })}
            >
              <Text size="sm">
                {link ? <Link to={link}>{item.label}</Link> : item.label}
                {item.kind === 'activity' && typeof item.details.status === 'string' && (
                  <Badge ms="xs" variant="outline" color="gray.8" size="sm">
                    {t(`actionWorkspace.activityStatus.${item.details.status}`)}
                  </Badge>
                )}
              </Text>
              {item.kind === 'expert.deployed' && typeof item.details.country === 'string' && (
                <Text size="sm">
                  {t('actionWorkspace.timeline.expertFrom', {
                    country: countryName(item.details.country, language),
                  })}
                </Text>
              )}
              {typeof item.details.reason === 'string' && (
                <Text size="sm" dir="auto">
                  {item.details.reason}
                </Text>
              )}
              <Text size="xs" c="gray.7">
                {when}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </section>
  );
}
