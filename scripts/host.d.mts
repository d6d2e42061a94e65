/** Types of scripts/host.mjs (plain JavaScript so that it starts without a compiler). */
export declare const HOST_ENTRIES: Record<
  'serve' | 'demo' | 'restore' | 'e2e-pinned-host',
  [source: string, bundle: string]
>;
/** Builds the main-process bundles when one is missing or older than its sources. Resolves to whether it built. */
export declare function ensureHostBuilt(): Promise<boolean>;
