/**
 * The whole pipeline for one seed: bytes → decoded text → lines → body without chrome → repaired lines →
 * paragraphs (lines joined where the text was broken at a fixed width) → blocks → `PlanDocument`. Pure: file
 * reading and writing happen in `scripts/ingest.ts`.
 */
import { createHash } from 'node:crypto';
import type { Block, Citation, Mark, OutlineNode, PlanDocument, RemovedLine, Repair, RichText, TableCell } from '../../src/schemas/plan.ts';
import type { Department } from '../../src/schemas/departments.ts';
import type { CitedDocument } from '../../src/schemas/documents.ts';
import type { Term } from '../../src/schemas/glossary.ts';
import type { Theme } from '../../src/schemas/themes.ts';
import type { Instrument } from '../../src/schemas/instruments.ts';
import type { Indicator } from '../../src/schemas/indicator.ts';
import type { Catalog, ChromeRule, Kind, PortalFieldLabel } from '../../src/schemas/registry.ts';
import type { RegionIndex } from './regions.ts';
import { removeChrome } from './chrome.ts';
import { documentKey, findCitations } from './citations.ts';
import { resolveCitation } from './cited-documents.ts';
import { applyCorrections, type LocatedCorrection } from './corrections.ts';
import { decodeSeed } from './decode.ts';
import { splitLines } from './lines.ts';
import { extractMetadata } from './metadata.ts';
import { addMarks, applyBlockMarks, lineAt, richTextsOf } from './marks.ts';
import type { Piece } from './piece.ts';
import { removeResidue } from './residue.ts';
import { foldWidth, simplify } from './lexicon/fold.ts';
import { extractResponsibilities } from './responsibilities.ts';
import { parseStructure, type DraftBlock } from './structure/index.ts';
import { markTerms } from './terms.ts';
import type { SupportSubject } from '../../src/schemas/support-subjects.ts';
import { extractIncentives } from './incentives.ts';
import { extractTargets } from './targets.ts';
import { splitRunIn } from './run-in.ts';
import { unwrapLines } from './unwrap.ts';
import { findInstrumentMentions } from './instruments.ts';
import { assignThemes } from './themes.ts';

/** The curated data every plan is read with. */
export interface Registries {
  chrome: ChromeRule[];
  /** Labels of portal metadata fields (`content/portal-fields.yaml`). */
  portalFields: PortalFieldLabel[];
  /** Titles of plans' standard sections (`content/section-titles.yaml`). */
  sectionTitles: string[];
  /** Corrections keyed by seed file name. */
  corrections: Record<string, LocatedCorrection[]>;
  catalog: Catalog;
  regions: RegionIndex;
  kinds: Kind[];
  departments: Department[];
  glossary: Term[];
  themes: Theme[];
  /** Policy instruments (`content/instruments.yaml`). */
  instruments: Instrument[];
  /** What support standards reward (`content/support-subjects.yaml`). */
  supportSubjects: SupportSubject[];
  documents: CitedDocument[];
  indicators: Indicator[];
}

export interface SeedInput {
  /** File name in the seeds folder (`000_df8e3af4caff0a08.txt`): the key into catalog and corrections. */
  name: string;
  /** Path for messages (`seeds/000_df8e3af4caff0a08.txt`). */
  path: string;
  bytes: Uint8Array;
}

/**
 * Slug of a plan the catalog gives none for: its region and period (`henan-zhumadian-2021-2025`; a single year
 * `sichuan-suining-2023`; no period: the kind, `shandong-measures`), so that a URL says what the plan is and does
 * not depend on how the file was named. Without a region, the file name (`slugFromFileName`). Ingest makes slugs
 * unique by adding a short hash of the file name where two plans would share one.
 */
export function slugFromMeta(meta: PlanDocument['meta'], fileName: string): string {
  const region = meta.region?.value.id;
  if (!region) return slugFromFileName(fileName);
  const p = meta.period?.value;
  const when = p ? (p.start === p.end ? `${p.start}` : `${p.start}-${p.end}`) : meta.kind.value;
  return `${region}-${when}`;
}

/**
 * Default slug: the file name without `.txt`, lower-case, `_` → `-`, ASCII letters and digits only. A name in Chinese
 * keeps next to nothing that way (`某县 规划 (1).txt` kept `1`, a URL that says nothing and looks like a list's page):
 * where the name loses other letters and keeps no ASCII letter, the slug is `plan-` and a short hash of the name.
 */
export function slugFromFileName(name: string): string {
  const base = name.replace(/\.txt$/iu, '');
  const slug = base
    .toLowerCase()
    .replace(/[_\s.]+/gu, '-')
    .replace(/[^a-z0-9-]/gu, '')
    .replace(/^-+|-+$/gu, '');
  const lostLetters = /[^\p{ASCII}]/u.test(base) && !/[a-z]/u.test(slug);
  return slug !== '' && !lostLetters ? slug : `plan-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/**
 * Turn pieces into rich text, registering their repairs under `blockId`. A converter's pinyin removed is listed but
 * not marked: a text so damaged has one after every few characters, and a mark would cut every link around it.
 */
class RepairLedger {
  repairs: Repair[] = [];
  rich(piece: Piece, blockId: string): RichText {
    const marks: Mark[] = piece.repairs.flatMap((r) => {
      const id = `r${this.repairs.length + 1}`;
      this.repairs.push({ id, line: r.line ?? piece.line, column: r.column, original: r.original, replacement: r.replacement, reason: r.reason, reasonEn: r.reasonEn, source: r.source, blockId });
      return r.source === 'converter' ? [] : [{ kind: 'repair' as const, start: r.start, end: r.end, repairId: id }];
    });
    return { text: piece.text, marks };
  }
}

/** Where each source line of a piece read from several begins (`Block.lineStarts`). */
const lineStarts = (piece: Piece) => (piece.breaks?.length ? { lineStarts: [0, ...piece.breaks.map((b) => b.at)] } : {});

function toBlock(d: DraftBlock, ledger: RepairLedger): Block {
  switch (d.kind) {
    case 'title':
      return { kind: 'title', id: d.id, lines: d.lines, ...lineStarts(d.piece), part: d.part, role: d.role, ...ledger.rich(d.piece, d.id) };
    case 'heading':
      return { kind: 'heading', id: d.id, lines: d.lines, ...lineStarts(d.piece), part: d.part, level: d.level, ordinal: d.ordinal, number: d.number, title: d.title, ...ledger.rich(d.piece, d.id) };
    case 'paragraph':
      return { kind: 'paragraph', id: d.id, lines: d.lines, ...lineStarts(d.piece), part: d.part, role: d.role, ...(d.article !== undefined ? { article: d.article } : {}), ...(d.box !== undefined ? { box: d.box } : {}), ...ledger.rich(d.piece, d.id) };
    case 'table': {
      const cells = (rows: typeof d.table.head): TableCell[][] => rows.map((row) => row.map((c) => ({ ...ledger.rich(c, d.id), note: c.note?.zh ?? null, noteEn: c.note?.en ?? null })));
      return {
        kind: 'table',
        id: d.id,
        lines: d.lines,
        part: d.part,
        ...(d.box !== undefined ? { box: d.box } : {}),
        caption: d.caption ? ledger.rich(d.caption, d.id) : null,
        captionLine: d.caption?.line ?? null,
        head: cells(d.table.head),
        rows: cells(d.table.rows),
        rowHeader: d.table.rowHeader,
        notes: d.table.notes.map((n) => n.zh),
        notesEn: d.table.notes.map((n) => n.en),
      };
    }
  }
}

/**
 * The simplified matching form of a text written in traditional characters (or with converter damage), for search;
 * `null` when simplifying changes nothing but widths (a text in simplified characters). Judged on the opening
 * 5,000 characters, so that a large text is converted only when it needs to be.
 */
export function matchTextOf(blocks: Block[]): string | null {
  const lines = blocks.flatMap((b) => richTextsOf(b).map((r) => r.text));
  const sample = lines.join('\n').slice(0, 5000);
  if (simplify(sample) === foldWidth(sample)) return null;
  return lines.map(simplify).join('\n');
}

/** Section tree of the heading blocks. */
export function buildOutline(blocks: Block[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    const node: OutlineNode = { id: b.id, level: b.level, number: b.number, title: b.title, children: [] };
    while (stack.length > 0 && stack.at(-1)!.level >= b.level) stack.pop();
    (stack.at(-1)?.children ?? roots).push(node);
    stack.push(node);
  }
  return roots;
}


export function buildPlanDocument(seed: SeedInput, reg: Registries): PlanDocument {
  const decoded = decodeSeed(seed.bytes, seed.path);
  const lines = splitLines(decoded.text);
  const { kept, removed } = removeChrome(lines, reg.chrome);
  const repaired = removeResidue(applyCorrections(kept, reg.corrections[seed.name] ?? [], seed.path));
  const unwrapped = unwrapLines(repaired, new Set(removed.map((r) => r.line)));
  const paragraphs = splitRunIn(unwrapped.lines, reg.sectionTitles);
  const catalog = reg.catalog[seed.name] ?? {};
  const structure = parseStructure(paragraphs.lines, {
    file: seed.path,
    catalogTitle: catalog.title,
    runInHeadings: catalog.runInHeadings ? new RegExp(catalog.runInHeadings, 'u') : undefined,
  });

  const allRemoved: RemovedLine[] = removed;
  const ledger = new RepairLedger();
  const blocks = structure.blocks.map((b) => toBlock(b, ledger));

  const citations: Citation[] = [];
  // A short form the text defines (`《…》（以下简称《行动计划》）`) names that document wherever the text uses it after.
  const shortForms = new Map<string, string>();
  for (const block of blocks) {
    for (const rich of richTextsOf(block)) {
      const marks: Mark[] = [];
      for (const c of findCitations(rich.text)) {
        const id = `c${citations.length + 1}`;
        const key = shortForms.get(c.documentKey) ?? resolveCitation(c.title, reg.documents);
        if (c.shortForm) shortForms.set(documentKey(c.shortForm), key);
        citations.push({ id, title: c.title, documentKey: key, blockId: block.id, line: lineAt(block, c.start) });
        marks.push({ kind: 'citation', start: c.start, end: c.end, citationId: id });
      }
      addMarks(rich, marks);
    }
  }

  const meta = extractMetadata({ removed: allRemoved, blocks: structure.blocks, inferredTitle: structure.inferredTitle, catalog, regions: reg.regions, kinds: reg.kinds, portalFields: reg.portalFields });

  // Annotation stages. Order matters: glossary terms go last, because a term mark never overlaps another mark.
  const responsibilities = extractResponsibilities(blocks, { departments: reg.departments, region: meta.region?.value.id ?? null });
  applyBlockMarks(blocks, responsibilities.marks);
  const period = meta.period ? { start: meta.period.value.start, end: meta.period.value.end } : null;
  const targets = extractTargets(blocks, { indicators: reg.indicators, period });
  applyBlockMarks(
    blocks,
    targets.map((t) => ({
      blockId: t.blockId,
      mark: { kind: 'target' as const, start: t.start, end: t.end, targetId: t.id },
      ...(t.cell ? { cell: { part: 'rows' as const, row: t.cell.row, col: t.cell.col } } : {}),
    })),
  );
  applyBlockMarks(blocks, markTerms(blocks, reg.glossary));
  const headings = [0, 0, 0, 0, 0, 0];
  for (const b of blocks) if (b.kind === 'heading') headings[b.level - 1]!++;

  return {
    schemaVersion: 1,
    slug: catalog.slug ?? slugFromMeta(meta, seed.name),
    source: {
      file: seed.name,
      sha256: createHash('sha256').update(seed.bytes).digest('hex'),
      bytes: seed.bytes.length,
      encoding: decoded.encoding,
      lineCount: lines.length,
      lineWrap: unwrapped.wrap,
      runIn: paragraphs.breaks || null,
      joined: paragraphs.joined || null,
    },
    meta,
    blocks,
    outline: buildOutline(blocks),
    removed: allRemoved,
    repairs: ledger.repairs,
    citations,
    responsibilities: responsibilities.responsibilities,
    targets,
    incentives: extractIncentives(blocks, reg.supportSubjects),
    sectionThemes: assignThemes(blocks, reg.themes),
    instruments: findInstrumentMentions(blocks, reg.instruments, new Map(lines.map((l) => [l.n, l.text]))),
    matchText: matchTextOf(blocks),
    stats: {
      headings,
      paragraphs: blocks.filter((b) => b.kind === 'paragraph').length,
      tables: blocks.filter((b) => b.kind === 'table').length,
      repairs: ledger.repairs.length,
      removed: allRemoved.length,
      citations: citations.length,
      targets: targets.length,
      unmappedTargets: targets.filter((t) => t.indicatorId === null).length,
      responsibilities: responsibilities.responsibilities.length,
    },
  };
}
