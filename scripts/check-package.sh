#!/usr/bin/env bash
# Packaging gates on the packed tarball: publint, attw, and require()/import() of every entry point
# from the tarball installed into an empty directory.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.js ] || npm run build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" | tail -1)
echo "packed $tarball"
npx publint run "$work/$tarball" --strict
npx attw "$work/$tarball" --profile node16
mkdir -p "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball"
cat > check.cjs <<'JS'
const tg = require('tollgate');
const core = require('tollgate/core');
const memory = require('tollgate/adapters/memory');
const storage = require('tollgate/storage');
require('tollgate/adapters/sqlite');
require('tollgate/adapters/postgres');
if (typeof tg.createTollgate !== 'function' || typeof core.addDuration !== 'function' || typeof memory.memoryStorage !== 'function' ||
    typeof storage.migrationChecksum !== 'function' || typeof storage.planMigrations !== 'function' || typeof storage.AsyncMutex !== 'function') {
  throw new Error('CommonJS exports are missing');
}
console.log('require(): ok');
JS
cat > check.mjs <<'JS'
const tg = await import('tollgate');
const core = await import('tollgate/core');
const memory = await import('tollgate/adapters/memory');
const storage = await import('tollgate/storage');
await import('tollgate/adapters/sqlite');
await import('tollgate/adapters/postgres');
const client = tg.createTollgate({ storage: memory.memoryStorage() });
await client.migrate();
const c = await client.customers.create({ key: 'smoke', subjectKeys: ['smoke-subject'] });
if (typeof storage.migrationChecksum !== 'function' || typeof storage.lazyRepositories !== 'function') {
  throw new Error('tollgate/storage exports are missing');
}
if (c.key !== 'smoke' || core.addDuration('2024-01-31T00:00:00Z', 'P1M').toISOString() !== '2024-02-29T00:00:00.000Z') {
  throw new Error('ESM smoke test failed');
}
console.log('import(): ok');
JS
node check.cjs
node check.mjs
