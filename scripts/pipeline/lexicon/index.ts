export * from './numerals.ts';
export * from './dates.ts';
export * from './docnumbers.ts';
export * from './periods.ts';
export * from './fold.ts';
export * from './units.ts';
export * from './levels.ts';
export * from './patterns.ts';
