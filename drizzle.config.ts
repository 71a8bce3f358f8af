import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/kernel/**/*.table.ts', './server/features/**/*.table.ts'],
  out: './server/db/migrations',
});
