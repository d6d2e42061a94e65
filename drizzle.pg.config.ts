import { defineConfig } from 'drizzle-kit';

/**
 * PostgreSQL migrations, generated from the tables src/main/db/pg-schema.ts converts from the canonical SQLite schema
 * (so both engines come from one definition). `npm run db:generate` runs both configs.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/main/db/pg-schema.ts',
  out: './src/main/db/migrations/pg',
});
