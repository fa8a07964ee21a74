/**
 * What the marks in one plan's text link to and show, resolved once per page from the plan and the registries.
 * The plan's text (src/lib/plan-body-html.ts) only renders what this gives it (the plan page passes it): no registry
 * lookups per mark, one place to read how a citation, a term or a value is linked.
 */
import type { CitedDocument } from '../schemas/documents.ts';
import type { Term } from '../schemas/glossary.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { PlanDocument } from '../schemas/plan.ts';
import { documentSlug, type RelatedSection } from './crosslinks/index.ts';
import { definitionFor } from './definitions.ts';
import { url } from './url.ts';
import { normalizedReading } from './values.ts';
import { normalizedReadingEn, type Words } from './i18n/english.ts';

/** A link from a mark, and how the printed endnote names its target. */
export interface MarkLink {
  href: string;
  /** `《天津市科学技术进步促进条例》`, `术语“雏鹰企业”`. */
  noteLabel: string;
}

/** A quantitative value: where it links (its indicator, or its row in the targets table) and its reading. */
export interface ValueMark {
  href: string;
  /** `研发投入强度 · 水平 · 3.2% · 2022年`, with the reasons when it is not comparable. */
  reading: string;
  /** On the English edition the reading in English (`normalizedReadingEn`), its Chinese parts marked. */
  readingEn?: Words;
}

export interface PlanMarks {
  /** By citation id (`c1`). */
  cites: Map<string, MarkLink>;
  /** By glossary term id; a term the glossary does not have is not linked. */
  terms: Map<string, MarkLink>;
  /** By target id; a value with no target is not marked. */
  values: Map<string, ValueMark>;
  /** Sections of other plans on the same theme, after each level-1 and level-2 heading, by heading id. */
  related: Map<string, RelatedSection[]>;
  /** Paragraphs holding text other plans also print (src/lib/reuse/): the page marks them, quietly. */
  reused: ReadonlySet<string>;
  /** Where each department named in the text is shown (its page, or its place in its region's list), by department id. */
  departments: Map<string, string>;
}

export interface MarkRegistries {
  documents: CitedDocument[];
  glossary: Term[];
  indicators: Indicator[];
  /** This plan's related sections by section id (`relatedSections`, computed once per build). */
  related: Map<string, RelatedSection[]>;
  /** This plan's blocks with text other plans also print (`reusedBlocks`, from the text reuse computed once per build). */
  reused?: ReadonlySet<string>;
  /** Site-relative path of each department's place (`departmentPages(…).href`); a department not in it has its own page. */
  departments?: ReadonlyMap<string, string>;
  /** The URL of a site page (`documents/<id>/`) in the reader's edition (`localUrl`); the Chinese page by default. */
  link?: (path: string) => string;
  /** The English edition: values carry their reading in English too. */
  english?: boolean;
}

export function planMarks(doc: PlanDocument, registries: MarkRegistries): PlanMarks {
  const link = registries.link ?? url;
  const cites = new Map<string, MarkLink>();
  for (const c of doc.citations) {
    // The note names the document as its page does: the registry's title, else the title as this plan writes it.
    const title = registries.documents.find((d) => d.id === c.documentKey)?.title ?? c.title;
    cites.set(c.id, { href: link(`documents/${documentSlug(c.documentKey, registries.documents)}/`), noteLabel: `《${title}》` });
  }

  // A term defined region by region links to the definition for this plan's region, or to the note that none is
  // recorded for it; the printed note says which (issue 13).
  const terms = new Map<string, MarkLink>();
  const region = doc.meta.region?.value ?? null;
  for (const t of registries.glossary) {
    const found = definitionFor(t, region);
    const whose = found?.kind === 'regional' ? `（${found.regionName}的定义）` : found?.kind === 'none' ? `（未记录${found.region.name}的定义）` : '';
    terms.set(t.id, { href: link(`glossary/${t.id}/`) + (found?.anchor ? `#${found.anchor}` : ''), noteLabel: `术语“${t.term}”${whose}` });
  }

  const indicators = new Map(registries.indicators.map((i) => [i.id, i]));
  const values = new Map<string, ValueMark>();
  for (const t of doc.targets) {
    const indicator = t.indicatorId ? indicators.get(t.indicatorId) : undefined;
    const href = link(indicator ? `indicators/${indicator.id}/` : `plans/${doc.slug}/analysis/#target-${t.id}`);
    values.set(t.id, { href, reading: normalizedReading(t, indicator), ...(registries.english ? { readingEn: normalizedReadingEn(t, indicator) } : {}) });
  }

  const related = new Map<string, RelatedSection[]>();
  for (const b of doc.blocks) {
    if (b.kind !== 'heading' || b.level > 2) continue;
    const sections = registries.related.get(b.id) ?? [];
    if (sections.length > 0) related.set(b.id, sections);
  }
  // The departments the text names (its responsibility clauses' marks), each linked where it is shown.
  const departments = new Map<string, string>();
  for (const r of doc.responsibilities) {
    for (const ref of [...r.lead, ...r.support, ...r.shared]) departments.set(ref.departmentId, link(registries.departments?.get(ref.departmentId) ?? `departments/${ref.departmentId}/`));
  }
  return { cites, terms, values, related, reused: registries.reused ?? new Set(), departments };
}
