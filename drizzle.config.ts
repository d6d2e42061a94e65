import { defineConfig } from 'drizzle-kit';

/** SQLite migrations from the canonical schema (src/main/db/schema). PostgreSQL: drizzle.pg.config.ts. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema/index.ts',
  out: './src/main/db/migrations/sqlite',
});
