import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';

/**
 * An error of the API, titled in the reader's language with the API's own message beneath
 * (the server knows what went wrong; the catalog knows how to say that something did).
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  let heading = title ?? t('errors.generic');
  let message: string = t('errors.tryAgain');
  let details: { field: string; message: string }[] = [];
  if (isApiError(error)) {
    if (error.status === 0) message = t('errors.network');
    else {
      if (!title && error.status === 404) heading = t('errors.notFound');
      if (!title && error.status === 403) heading = t('errors.forbidden');
      message = error.status >= 500 ? t('errors.server') : error.message;
      details = error.details;
    }
  }
  return (
    <Alert color="red" variant="light" title={heading} role="alert">
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((detail) => (
            <List.Item key={`${detail.field}:${detail.message}`}>
              {detail.field}: {detail.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
