import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const mainContentId = 'main-content';

/** The first stop of the keyboard: jumps past the header and navigation to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(mainContentId);
    if (!main) return;
    event.preventDefault(); // no hash in the URL: the router owns it
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="skip-link" href={`#${mainContentId}`} onClick={skip}>
      {t('a11y.skipToContent')}
    </a>
  );
}
