import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { queryClient } from './query-client.ts';

/**
 * What every page needs. Mantine is not here: the public portal renders without it, and the staff
 * area and sign-in get it from MantineRoot, loaded with their own chunks.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
