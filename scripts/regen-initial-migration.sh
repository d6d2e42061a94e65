#!/usr/bin/env bash
# Pre-release only (nothing has shipped yet): rebuild the initial migrations of both engines from the current drizzle
# schema (SQLite: src/main/db/schema; PostgreSQL: converted from it by src/main/db/pg-schema.ts), then one custom
# migration per hand-written SQL file in src/main/db/sql/<engine>/ (append-only triggers), in the order of their names.
# Once a release exists, never run this again: add migrations with `npm run db:generate` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
for engine in sqlite pg; do
  config=drizzle.config.ts
  [ "$engine" = pg ] && config=drizzle.pg.config.ts
  rm -rf "src/main/db/migrations/$engine"
  npx drizzle-kit generate --config "$config" --name initial >/dev/null
  for file in src/main/db/sql/"$engine"/*.sql; do
    name=$(basename "$file" .sql)
    name=${name#[0-9][0-9][0-9][0-9]_}
    npx drizzle-kit generate --config "$config" --custom --name "$name" >/dev/null
    generated=$(ls src/main/db/migrations/"$engine"/*_"$name".sql | tail -1)
    cp "$file" "$generated"
  done
  ls "src/main/db/migrations/$engine"
done
