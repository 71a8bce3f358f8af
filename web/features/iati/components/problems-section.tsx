import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IatiProblemBody } from '../../../../server/features/iati/iati.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useProblems } from '../api/iati.ts';

function ProblemItem({ problem }: { problem: IatiProblemBody }) {
  const { t } = useTranslation();
  const text = t(`iati.problems.codes.${problem.code}`, { ...problem.params, defaultValue: problem.message });
  return (
    <List.Item>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge color={problem.severity === 'error' ? 'red.9' : 'yellow.5'} autoContrast miw={90}>
          {t(`iati.problems.${problem.severity}`)}
        </Badge>
        <Text size="sm">{text}</Text>
      </Group>
    </List.Item>
  );
}

/** Builds the export as it would be published and lists what is wrong, per Action. */
export function ProblemsSection() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const report = useProblems(all);
  const data = report.data;

  return (
    <Stack component="section" aria-labelledby="iati-problems" gap="sm">
      <Title order={2} id="iati-problems">
        {t('iati.problems.heading')}
      </Title>
      <Group align="center">
        <Switch
          label={t('iati.problems.includeAll')}
          checked={all}
          onChange={(event) => setAll(event.currentTarget.checked)}
        />
        <Button onClick={() => report.refetch()} loading={report.isFetching}>
          {t('iati.problems.check')}
        </Button>
      </Group>
      {report.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
      {report.isError && <ErrorAlert error={report.error} />}
      {data && !report.isFetching && (
        <Stack gap="sm" aria-live="polite">
          <Text fw={500}>
            {t('iati.problems.checked', { count: data.checked })} ·{' '}
            {t('iati.problems.leftOut', { count: data.checked - data.included })}
          </Text>
          <Alert
            color={data.schema === 'valid' ? 'green' : data.schema === 'invalid' ? 'red' : 'gray'}
            variant="light"
          >
            {t(`iati.problems.schema.${data.schema}`)}
          </Alert>
          {data.fileProblems.length > 0 && (
            <Card withBorder>
              <Title order={3} size="h4">
                {t('iati.problems.file')}
              </Title>
              <List spacing="xs" mt="xs" listStyleType="none">
                {data.fileProblems.map((problem) => (
                  <ProblemItem key={`${problem.code}-${problem.message}`} problem={problem} />
                ))}
              </List>
            </Card>
          )}
          {data.actions.length === 0 ? (
            <Text role="status">{t('iati.problems.none')}</Text>
          ) : (
            data.actions.map((action) => (
              <Card withBorder key={action.id} component="article" aria-labelledby={`problem-${action.id}`}>
                <Group justify="space-between">
                  <Title order={3} size="h4" id={`problem-${action.id}`}>
                    <Anchor component={Link} to={`/app/actions/${action.id}`}>
                      {action.name}
                    </Anchor>
                  </Title>
                  <Badge color={action.included ? 'blue' : 'red'}>
                    {action.included ? t('iati.problems.published') : t('iati.problems.leftOutBadge')}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" dir="ltr">
                  {action.identifier}
                </Text>
                <List spacing="xs" mt="xs" listStyleType="none">
                  {action.problems.map((problem) => (
                    <ProblemItem key={`${problem.code}-${problem.message}`} problem={problem} />
                  ))}
                </List>
              </Card>
            ))
          )}
        </Stack>
      )}
    </Stack>
  );
}
