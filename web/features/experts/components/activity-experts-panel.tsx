import { Anchor, Button, Modal, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityDetail } from '../../../../server/features/activities/activities.contract.ts';
import type { DeploymentView } from '../../../../server/features/experts/deployments.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { countryName } from '../../../lib/format.ts';
import { isStaffRole, readsAll, useStaffUser } from '../../../lib/staff-user.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useFeedback, useWithdrawExpert } from '../api/experts.ts';
import { ExpertMatching } from './expert-matching.tsx';

const OPEN = ['planned', 'confirmed', 'postponed'];
const HELD = ['held', 'reported'];

function FeedbackForm({
  activityId,
  deployment,
  onDone,
}: {
  activityId: string;
  deployment: DeploymentView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback(activityId);
  const [score, setScore] = useState<string | number>(4);
  const [comment, setComment] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (deployment.expertId) {
          feedback.mutate(
            { expertId: deployment.expertId, score: Number(score), comment: comment.trim() },
            { onSuccess: onDone },
          );
        }
      }}
    >
      <Stack>
        {feedback.isError && <ErrorAlert error={feedback.error} />}
        <NumberInput
          label={t('experts.feedback.score')}
          description={t('experts.feedback.scale')}
          min={1}
          max={5}
          value={score}
          onChange={setScore}
        />
        <Textarea
          label={t('experts.feedback.comment')}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Button type="submit" w="fit-content" loading={feedback.isPending}>
          {t('experts.feedback.save')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The experts on an activity: by name for the staff and steering, by country and role for a
 * partner. The staff deploy more through the matching, withdraw them while the activity is open
 * and give feedback once it is held.
 */
export function ActivityExpertsPanel({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useStaffUser();
  const withdraw = useWithdrawExpert(activity.id);
  const [rating, setRating] = useState<DeploymentView | null>(null);
  const staff = isStaffRole(user.role);
  const actionOpen = activity.actionStatus !== 'completed' && activity.actionStatus !== 'cancelled';
  const open = OPEN.includes(activity.status) && actionOpen;
  const caption = t('experts.deployment.caption', { total: activity.deployments.length });
  return (
    <Stack gap="md">
      <section aria-labelledby="deployed-title">
        <Title order={2} size="h4" id="deployed-title">
          {t('experts.deployment.title')}
        </Title>
        {activity.deployments.length === 0 ? (
          <Text mt="xs">{t('experts.deployment.none')}</Text>
        ) : (
          <TableScroller label={caption} minWidth={600}>
            <Table captionSide="top" verticalSpacing="xs">
              <Table.Caption>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('experts.deployment.expert')}</Table.Th>
                  <Table.Th scope="col">{t('experts.deployment.role')}</Table.Th>
                  <Table.Th scope="col">{t('experts.deployment.days')}</Table.Th>
                  {readsAll(user.role) && <Table.Th scope="col">{t('experts.feedback.title')}</Table.Th>}
                  {staff && <Table.Th scope="col">{t('experts.deployment.manage')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activity.deployments.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      {d.expertName && d.expertId && readsAll(user.role) ? (
                        <Anchor component={Link} to={`/app/experts/${d.expertId}`}>
                          {d.expertName}
                        </Anchor>
                      ) : (
                        (d.expertName ??
                        t('experts.deployment.anonymous', {
                          country: countryName(d.expertCountry, language),
                        }))
                      )}
                      {d.expertName && ` (${countryName(d.expertCountry, language)})`}
                    </Table.Td>
                    <Table.Td>{t(`experts.role.${d.role}`)}</Table.Td>
                    <Table.Td>{d.days}</Table.Td>
                    {readsAll(user.role) && (
                      <Table.Td>
                        {d.feedback
                          ? t('experts.feedback.given', { score: d.feedback.score })
                          : t('experts.feedback.none')}
                      </Table.Td>
                    )}
                    {staff && (
                      <Table.Td>
                        {open && d.expertId && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={withdraw.isPending && withdraw.variables === d.expertId}
                            onClick={() => d.expertId && withdraw.mutate(d.expertId)}
                          >
                            {t('experts.deployment.withdraw', { name: d.expertName })}
                          </Button>
                        )}
                        {HELD.includes(activity.status) && !d.feedback && actionOpen && (
                          <Button size="xs" variant="default" onClick={() => setRating(d)}>
                            {t('experts.feedback.give', { name: d.expertName })}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
        )}
        {withdraw.isError && <ErrorAlert error={withdraw.error} />}
      </section>
      {staff && open && <ExpertMatching activityId={activity.id} />}
      <Modal
        closeButtonProps={{ 'aria-label': t('experts.common.close') }}
        opened={rating !== null}
        onClose={() => setRating(null)}
        title={t('experts.feedback.title')}
      >
        {rating && (
          <FeedbackForm activityId={activity.id} deployment={rating} onDone={() => setRating(null)} />
        )}
      </Modal>
    </Stack>
  );
}
