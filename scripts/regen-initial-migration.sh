#!/usr/bin/env bash
# Pre-release only (nothing has shipped yet): rebuild the initial migrations of both engines from the current drizzle
# schema (SQLite: src/main/db/schema; PostgreSQL: converted from it by src/main/db/pg-schema.ts).
# Once a release exists, never run this again: add migrations with `npm run db:generate` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
for engine in sqlite pg; do
  config=drizzle.config.ts
  [ "$engine" = pg ] && config=drizzle.pg.config.ts
  rm -rf "src/main/db/migrations/$engine"
  npx drizzle-kit generate --config "$config" --name initial >/dev/null
  npx drizzle-kit generate --config "$config" --custom --name audit_append_only >/dev/null
  cp "src/main/db/sql/$engine/0001_audit_append_only.sql" "src/main/db/migrations/$engine/0001_audit_append_only.sql"
  ls "src/main/db/migrations/$engine"
done
