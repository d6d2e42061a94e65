#!/usr/bin/env bash
# Pre-release only (nothing has shipped yet): rebuild the initial migration from the current drizzle schema.
# Once a release exists, never run this again: add migrations with `npm run db:generate` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/main/db/migrations
npx drizzle-kit generate --name initial >/dev/null
npx drizzle-kit generate --custom --name audit_append_only >/dev/null
cp src/main/db/sql/0001_audit_append_only.sql src/main/db/migrations/0001_audit_append_only.sql
ls src/main/db/migrations
