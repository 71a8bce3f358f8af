import type { TestProject } from 'vitest/node';
import { buildWeb, startServer } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the web app, then starts one real server for every browser journey. */
export default async function setup(project: TestProject) {
  await buildWeb();
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    await server.stop();
  };
}
