/** The summer-job engine (docs/summer-jobs.md): allocation, explanations, reserve rounds, eligibility, calendar. */
export * from './model';
export * from './lottery';
export * from './allocate';
export * from './explain';
export * from './eligibility';
export * from './calendar';
