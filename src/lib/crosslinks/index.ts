/**
 * Cross-links between plans, one module per concern, each pure over the document models and registries (pages
 * only render what these return) and tested beside it: heading trails, places in a plan, departments and their
 * tasks, cited documents and the plans on the site they are, glossary terms, regions, related sections on a theme.
 */
export { headingTrails } from './heading-trails.ts';
export { excerpt, planPlaces, sectionTitles, type PlanPlace, type PlanPlaces } from './places.ts';
export { ROLE_LABELS, departmentMatrix, departmentPages, departmentViews, sharedDepartmentsPath, type DepartmentMatrix, type DepartmentPages, type DepartmentTask, type DepartmentView, type Role, type SharedDepartmentPage } from './departments.ts';
export { citedDocumentViews, documentSlug, planCitationLinks, type CitedDocumentView, type PlanCitationLink } from './documents.ts';
export { comparedPlans, planOfCitation, restatedPlans, type PlanOfCitation } from './plans-cited.ts';
export { termViews, type TermView } from './terms.ts';
export { flattenRegions, plansUnder, regionPagePlans, regionPlaces, regionTree, type RegionNode, type RegionPlace } from './regions.ts';
export { relatedSections, themeSections, type RelatedSection } from './related-sections.ts';
