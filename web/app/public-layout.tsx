import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { mainContentId, SkipLink } from '../components/skip-link.tsx';
import { LanguageSwitch } from '../features/portal/components/language-switch.tsx';
import { Loading } from '../features/portal/components/loading.tsx';
import { useFocusMainOnNavigate } from './use-focus-main.ts';

const sections = [
  { to: '/', key: 'home', end: true },
  { to: '/actions', key: 'actions', end: false },
  { to: '/map', key: 'map', end: false },
  { to: '/events', key: 'events', end: false },
  { to: '/library', key: 'library', end: false },
  { to: '/field-guide', key: 'fieldGuide', end: false },
  { to: '/request-assistance', key: 'requestAssistance', end: false },
] as const;

/**
 * The public portal's frame: the facility's name, the sections, language and sign-in; the page;
 * the footer. Plain HTML and the portal's stylesheet: no component library loads on public pages,
 * and the server renders this frame into the first response.
 */
export function PublicLayout() {
  // Its sections and footer are the portal's messages: it waits for that catalog (the app starts
  // with it on a public page; a staff member coming back from the staff area loads it here).
  const { t } = useTranslation(['translation', 'portal']);
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(mainRef);
  return (
    <div className="portal">
      <SkipLink />
      <header className="portal-header">
        <div className="container header-row">
          <div className="brand-block">
            <Link to="/" className="portal-brand">
              {t('app.name')}
            </Link>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
          <div className="header-tools">
            <LanguageSwitch />
            <Link to="/sign-in" className="sign-in-link">
              {t('nav.signIn')}
            </Link>
          </div>
        </div>
        <nav className="container site-nav" aria-label={t('nav.site')}>
          <ul>
            {sections.map((section) => (
              <li key={section.key}>
                <NavLink to={section.to} end={section.end}>
                  {t(`portal.nav.${section.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id={mainContentId} ref={mainRef} tabIndex={-1} className="container site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <div className="container">
          <p>{t('footer.about')}</p>
          <ul className="footer-links">
            <li>
              <a href="/api/public/events.ics">{t('portal.footer.calendar')}</a>
            </li>
            <li>
              <a href="/api/docs">{t('portal.footer.api')}</a>
            </li>
            <li>
              <a href="/sitemap.xml">{t('portal.footer.sitemap')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </div>
  );
}
