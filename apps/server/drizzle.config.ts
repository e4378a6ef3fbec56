import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db-schema.ts',
  out: './migrations',
  // Migrations are named NNNN_verb_object.sql by passing --name; see docs/ARCHITECTURE.md.
  migrations: { prefix: 'index' },
});
