import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { usePageTitle } from '../components/use-page-title.ts';

/** Shown when a page fails to render or its code cannot be loaded (e.g. after a new release). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('errors.generic'));
  if (error) console.error(error);
  return (
    <Container size="sm" py="xl">
      <main id="main-content" tabIndex={-1}>
        <Stack>
          <Title order={1}>{t('errors.generic')}</Title>
          <Text>{t('errors.pageFailed')}</Text>
          <Button component={Link} to="/" reloadDocument w="fit-content">
            {t('errors.backHome')}
          </Button>
        </Stack>
      </main>
    </Container>
  );
}
