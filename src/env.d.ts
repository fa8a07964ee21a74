/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the plan page for the MDX components it renders: related sections of other plans, by heading id. */
    related?: Map<string, import('./lib/crosslinks/index.ts').RelatedSection[]>;
    /** The plan's targets by id, for the `Value` marks. */
    targets?: Map<string, import('./schemas/plan.ts').Target>;
    /** The indicator registry by id. */
    indicators?: Map<string, import('./schemas/indicator.ts').Indicator>;
    /** The plan's citations: the title as written, by citation id, for the `Cite` marks. */
    citedTitles?: Map<string, string>;
    /** The plan's region, for the `Term` marks: a term defined region by region links to the plan's region's definition. */
    planRegion?: import('./schemas/plan.ts').RegionRef | null;
  }
}
