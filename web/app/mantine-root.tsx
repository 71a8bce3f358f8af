import './mantine-portal.css';
import './global.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { directionOf } from '../lib/languages.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/**
 * Mantine, its styles and the right-to-left handling for the pages built with it (the staff area
 * and sign-in). DirectionProvider follows `<html dir>`, which the i18n setup keeps in step with the
 * language. Loaded lazily, so that the public portal never downloads it.
 */
export function MantineRoot({ children }: { children?: ReactNode }) {
  return (
    <DirectionProvider initialDirection={directionOf(document.documentElement.lang)} detectDirection>
      <MantineProvider theme={theme} forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        {children ?? <Outlet />}
      </MantineProvider>
    </DirectionProvider>
  );
}
