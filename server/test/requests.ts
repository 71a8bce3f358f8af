import type { InjectOptions } from 'fastify';
import type { SignedInHeaders, TestApp } from './harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A short way to call the API as someone (or no one) in HTTP tests. */
export function caller(t: TestApp) {
  return (
    who: SignedInHeaders | undefined,
    method: Method,
    url: string,
    payload?: InjectOptions['payload'],
    headers: Record<string, string> = {},
  ) => t.app.inject({ method, url, payload, headers: { ...(who ?? {}), ...headers } });
}

/** The id of a demo Action by its name, as an officer finds it. */
export async function actionIdOf(t: TestApp, officer: SignedInHeaders, name: string): Promise<string> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/actions?q=${encodeURIComponent(name)}&pageSize=100`,
    headers: officer,
  });
  const found = (response.json().items as { id: string; name: string }[]).find((a) => a.name === name);
  if (!found) throw new Error(`no Action named ${name}`);
  return found.id;
}
