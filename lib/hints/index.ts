export * from './types';
export * from './rules';
export * from './rollup';
export * from './collect';
