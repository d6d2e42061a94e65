/**
 * The store layer (docs/storage.md): one module per area owns all SQL of that area, as typed asynchronous readers
 * (taking a `Reader` — the handle or a unit of work) and writers (taking a `Tx`, a unit of work). Services hold the
 * rules and call stores; they never import drizzle, a driver or db/ (a lint rule says so). Demo, bench and test
 * fixtures create records through the same stores.
 */
export type { Database, EngineKind, Reader, Tx } from '../db/engine';
export { UnitOfWorkMisuse } from '../db/engine';
