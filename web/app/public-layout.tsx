import { Anchor, Container, Group, Text } from '@mantine/core';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSelect } from '../components/language-select.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { mainContentId, SkipLink } from '../components/skip-link.tsx';
import { useFocusMainOnNavigate } from './use-focus-main.ts';

/** The public portal's frame: banner with the facility's name, language and sign-in; main; footer. */
export function PublicLayout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(mainRef);
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <Container size="lg" py="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <div>
              <Link to="/" className="brand">
                {t('app.name')}
              </Link>
              <Text size="sm">{t('app.tagline')}</Text>
            </div>
            <Group align="flex-end" gap="md" component="nav" aria-label={t('nav.site')}>
              <Anchor component={Link} to="/" pb={6}>
                {t('nav.portal')}
              </Anchor>
              <LanguageSelect />
              <Anchor component={Link} to="/sign-in" fw={600} pb={6}>
                {t('nav.signIn')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </header>
      <main id={mainContentId} ref={mainRef} tabIndex={-1}>
        <Container size="lg" py="xl">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <footer className="site-footer">
        <Container size="lg">
          <Text size="sm">{t('footer.about')}</Text>
        </Container>
      </footer>
    </>
  );
}
