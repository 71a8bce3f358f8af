import './mantine-portal.css';
import './global.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { TextDirection } from '../lib/languages.ts';
import { queryClient } from './query-client.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/**
 * DirectionProvider follows `<html dir>`, which the i18n setup keeps in step with the language,
 * so Mantine's components flip to right-to-left for Arabic.
 */
export function Providers({ children, direction }: { children: ReactNode; direction: TextDirection }) {
  return (
    <DirectionProvider initialDirection={direction} detectDirection>
      <MantineProvider theme={theme} forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
