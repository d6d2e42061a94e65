export * from './core';
export * from './participants';
export * from './positions';
export * from './review';
export * from './placements';
