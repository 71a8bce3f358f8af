import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Params, useParams, useSearchParams } from 'react-router';
import { useLanguage } from '../../../lib/use-language.ts';
import type { PortalQuery } from '../api/portal-queries.ts';

/** What a page says about itself in the document head: window title, description, preview type. */
export type PageHead = { title: string; description: string; type?: 'website' | 'article' };

export type PageContext = {
  language: string;
  params: Params;
  search: URLSearchParams;
};

export type HeadContext = PageContext & {
  t: TFunction;
  /** The answer of a read, if the page has it. */
  data<T>(read: PortalQuery<T>): T | undefined;
};

export type HeadOf = (context: HeadContext) => PageHead;

/** The full window title: the page's, then the facility's name. */
export const documentTitle = (head: PageHead, appName: string) =>
  head.title && head.title !== appName ? `${head.title} · ${appName}` : appName;

/**
 * Keeps the window title and description true after a navigation in the browser; the server wrote
 * them into the first page already, from the same function.
 */
export function usePageHead(headOf: HeadOf) {
  const { t } = useTranslation();
  const language = useLanguage();
  const params = useParams();
  const [search] = useSearchParams();
  const client = useQueryClient();
  const head = headOf({
    t,
    language,
    params,
    search,
    data: <T>(read: PortalQuery<T>) => client.getQueryData<T>(read.queryKey),
  });
  const title = documentTitle(head, t('app.name'));
  useEffect(() => {
    document.title = title;
    document.querySelector('meta[name="description"]')?.setAttribute('content', head.description);
  }, [title, head.description]);
}
