import { Alert, Button, Group, Text } from '@mantine/core';
import { isApiError } from '../lib/api-client.ts';
import { ErrorAlert } from './error-alert.tsx';

type Props = {
  error: unknown;
  /** Words of the feature's catalog: what a conflict is, and the way out of it. */
  conflict: { title: string; text: string; reload: string };
  onReload: () => void;
};

/**
 * Why a change failed. When someone else changed the record first (412), says so and offers to
 * reload it, so that the person can apply their change again on the current version.
 */
export function ChangeError({ error, conflict, onReload }: Props) {
  if (isApiError(error, 412)) {
    return (
      <Alert color="orange" variant="light" title={conflict.title} role="alert">
        <Text size="sm">{conflict.text}</Text>
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={onReload}>
            {conflict.reload}
          </Button>
        </Group>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
