import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { initI18n } from '../lib/i18n.ts';
import { directionOf } from '../lib/languages.ts';
import { Providers } from './providers.tsx';
import { router } from './router.tsx';

const i18n = await initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

createRoot(root).render(
  <StrictMode>
    <Providers direction={directionOf(i18n.language)}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
