/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the plan page for the MDX components it renders: what each mark links to and shows. */
    marks?: import('./lib/plan-marks.ts').PlanMarks;
  }
}
