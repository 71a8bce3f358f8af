// The portal's budgets alone (`npm run bench:portal`): Lighthouse and first-load JavaScript.
import { benchPortal } from './portal-budgets.ts';

await benchPortal();
