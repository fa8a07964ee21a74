/** The components the generated MDX uses (scripts/pipeline/mdx.ts), drawn by src/components/plan/BodyNodes.astro. */
export { default as Title } from './Title.astro';
export { default as Heading } from './Heading.astro';
export { default as Para } from './Para.astro';
export { default as Front } from './Front.astro';
export { default as Figure } from './Figure.astro';
export { default as Note } from './Note.astro';
export { default as Repair } from './Repair.astro';
export { default as Cite } from './Cite.astro';
export { default as Value } from './Value.astro';
export { default as Term } from './Term.astro';
export { default as Dept } from './Dept.astro';
