/**
 * Responsibility clauses: who carries out a task. Two forms close the tasks of the seeds:
 *
 * - 北辰区 (000): `(责任单位:区科技局、区工信局、区市场监管局)`: joint responsibility, no lead named → all `shared`;
 * - 红桥区 (002): `（区科技局牵头，区市场监管局、区商务局按职责分工负责）` → `lead` before 牵头, `support` before
 *   按职责分工负责 (or 配合/负责);
 * - labelled lists, in brackets (also 【】, 〔〕) or closing a paragraph, as many other portals print them:
 *   `责任单位：市科技局、市财政局` (shared), `牵头单位：市人社局；配合单位：市科技局` (lead, support), `主要责任单位：…；
 *   参与单位：…` (lead, support);
 * - bodies that share a task without a lead: `（区科协、区科技局按职责分工负责）` → all `shared`.
 *
 * Each name keeps its raw form (`区区商务局`) and gets the cleaned name and id of its body from
 * `content/departments.yaml`, matched within the plan's region only (区科技局 of two districts are two bodies).
 * A name the registry does not know is never dropped: it gets a stable derived id and is listed in `unknown`
 * so that ingest can report it.
 */
import { createHash } from 'node:crypto';
import type { Block, DepartmentRef, Mark, Responsibility } from '../../src/schemas/plan.ts';
import { DepartmentsSchema, type Department } from '../../src/schemas/departments.ts';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { cellLine, lineAt, richTextAt, type BlockMark } from './marks.ts';

/** Read and validate `content/departments.yaml`. */
export function parseDepartments(yamlText: string, file: string): Department[] {
  return parseYamlWithFriendlyErrors(DepartmentsSchema, yamlText, file);
}

export interface ResponsibilityContext {
  departments: Department[];
  /** Region id of the plan (`PlanDocument.meta.region.value`); `null` when unknown: then no name is registered. */
  region: string | null;
}

/** A name inside a clause, offsets in the text the clause was found in. */
export interface ClauseName {
  raw: string;
  start: number;
  end: number;
}

/** A responsibility clause found in a text. */
export interface FoundClause {
  /** The whole clause with its brackets, as written. */
  raw: string;
  start: number;
  end: number;
  lead: ClauseName[];
  support: ClauseName[];
  shared: ClauseName[];
}

/** A name that is not in the registry for the plan's region. */
export interface UnknownDepartment extends DepartmentRef {
  blockId: string;
  line: number;
}

export interface ResponsibilityResult {
  responsibilities: Responsibility[];
  /** One `department` mark per name, offsets in the text of the block named (or of its table cell). */
  marks: BlockMark[];
  /** Names not in `content/departments.yaml` (they still have refs and marks, with derived ids). */
  unknown: UnknownDepartment[];
}

/** A bracketed passage: `（…）`, or in the lenticular or tortoise-shell brackets some portals use (`【责任单位：…】`). */
const BRACKETED = /[(（【〔]([^()（）【】〔〕]*)[)）】〕]/gu;
/** What closes the supporting list of a 牵头 clause. Longest first: the alternation is tried in order. */
const SUPPORT_VERB = /^(.*?)\s*(按职责分工负责|按职责分工配合|按职责负责|分工负责|配合|参与|负责)$/u;
/** A list item: anything between separators. 和/及 are not separators: 发展和改革委员会 contains 和. */
const LIST_ITEM = /[^、，,；;\s]+/gu;

function splitNames(list: string, offset: number): ClauseName[] {
  const names: ClauseName[] = [];
  for (const m of list.matchAll(LIST_ITEM)) {
    // `区科技局、区工信局等`: 等 closes the list, it is not part of the name.
    const raw = m[0].replace(/等$/u, '');
    if (raw) names.push({ raw, start: offset + m.index, end: offset + m.index + raw.length });
  }
  return names;
}

/**
 * Labelled lists, as many portals print them, in brackets or closing a paragraph: `责任单位：市科技局、市财政局`
 * (shared), `牵头单位：市人社局；配合单位：市科技局` (lead, support). Role by label.
 */
const LABEL = /(主要责任单位|主要责任部门|主责单位|主责部门|责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|参与单位|参与部门|协同单位|协办单位|协助单位)\s*[:：]\s*/gu;
const ROLE_OF_LABEL: Record<string, 'lead' | 'support' | 'shared'> = {
  主要责任单位: 'lead', 主要责任部门: 'lead', 主责单位: 'lead', 主责部门: 'lead',
  责任单位: 'shared', 责任部门: 'shared', 牵头单位: 'lead', 牵头部门: 'lead',
  配合单位: 'support', 配合部门: 'support', 参与单位: 'support', 参与部门: 'support', 协同单位: 'support', 协办单位: 'support', 协助单位: 'support',
};
/** A list of bodies that share a task without a lead: `（区科协、区科技局按职责分工负责）`. */
const SHARED_VERB = /^(.+?)\s*(按职责分工负责|按职责分工落实|按职责负责|分工负责|共同负责)$/u;
/** How a body's name ends (局, 委, 办, 中心 …): a shared list is read only when each of its names is one. */
const BODY_NAME = /(局|委|办|办公室|委员会|厅|院|会|中心|政府|分局|支行|集团|公司|园区|管委会|部|所|站|队|馆|协|联|署)$/u;
/** Longest name of a body in a labelled list: a longer item is prose, and the list no clause. */
const NAME_MAX = 24;

/** `inner` as labelled lists from its first character on (`offset`: where it starts in the text); `null` if it is not. */
function readLabelled(inner: string, offset: number): Pick<FoundClause, 'lead' | 'support' | 'shared'> | null {
  const labels = [...inner.matchAll(LABEL)];
  if (labels.length === 0 || labels[0]!.index !== inner.length - inner.trimStart().length) return null;
  const parts: Pick<FoundClause, 'lead' | 'support' | 'shared'> = { lead: [], support: [], shared: [] };
  for (const [k, m] of labels.entries()) {
    const from = m.index + m[0].length;
    const to = labels[k + 1]?.index ?? inner.length;
    const list = inner.slice(from, to).replace(/[\s。；;，,]+$/u, '');
    // Sentence punctuation inside the list, or an item too long to be a name: prose, not a list of bodies.
    if (/[。：:]/u.test(list)) return null;
    const names = splitNames(list, offset + from);
    if (names.length === 0 || names.some((n) => n.raw.length > NAME_MAX)) return null;
    parts[ROLE_OF_LABEL[m[1]!]!].push(...names);
  }
  return parts;
}

/** Read the inside of one bracket pair; `offset` is where `inner` starts in the text. `null` if not a clause. */
function readClause(inner: string, offset: number): Pick<FoundClause, 'lead' | 'support' | 'shared'> | null {
  const labelled = readLabelled(inner, offset);
  if (labelled) return labelled;
  const at = inner.indexOf('牵头');
  if (at === -1) {
    const shared = SHARED_VERB.exec(inner.trim());
    if (!shared || /[。：:；;，,]/u.test(shared[1]!)) return null;
    const start = inner.length - inner.trimStart().length;
    const names = splitNames(shared[1]!, offset + start);
    return names.length > 0 && names.every((n) => n.raw.length <= NAME_MAX && BODY_NAME.test(n.raw)) ? { lead: [], support: [], shared: names } : null;
  }
  if (at === 0) return null;
  // `（由区科技局牵头，…）`: 由 introduces the lead, it is not part of the name.
  const skip = inner.startsWith('由') ? 1 : 0;
  const leadPart = inner.slice(skip, at);
  // A lead is a list of bodies: sentence punctuation before 牵头 means prose in brackets, not a clause.
  if (!leadPart || /[。，,；;:：]/u.test(leadPart)) return null;
  const lead = splitNames(leadPart, offset + skip);
  let restStart = at + 2;
  while (restStart < inner.length && /[，,、；;\s]/u.test(inner[restStart]!)) restStart++;
  const rest = inner.slice(restStart).trimEnd();
  if (rest === '' || rest === '负责') return { lead, support: [], shared: [] };
  const verb = SUPPORT_VERB.exec(rest);
  if (!verb) return null;
  return { lead, support: splitNames(verb[1]!, offset + restStart), shared: [] };
}

/**
 * The header of a column of responsible bodies in a task-division table (重点任务分工表), and the role it gives. A
 * cell may say the roles itself (`市科技局牵头，市财政局配合`), as a bracketed clause does.
 */
const COLUMN_ROLES: [RegExp, 'lead' | 'support' | 'shared'][] = [
  [/^(牵头|主责)(单位|部门)/u, 'lead'],
  [/^(责任|负责|主体)(单位|部门)/u, 'shared'],
  [/^(配合|参与|协同|协办)(单位|部门)/u, 'support'],
];

const LABEL_OF_ROLE = { lead: '牵头单位', shared: '责任单位', support: '配合单位' } as const;

/** One row's bodies: per column, its header, role and names (offsets in the cell's text). */
export interface FoundRow {
  row: number;
  cells: { col: number; header: string; parts: Pick<FoundClause, 'lead' | 'support' | 'shared'> }[];
}

/** The rows of a task-division table that name responsible bodies, in columns headed 牵头单位, 责任单位, 配合单位 … */
export function findTableRows(block: Extract<Block, { kind: 'table' }>): FoundRow[] {
  const header = block.head.at(-1) ?? [];
  const columns = header.flatMap((c, col) => {
    const text = c.text.replace(/[\s\u3000]/gu, '');
    const role = COLUMN_ROLES.find(([re]) => re.test(text))?.[1];
    return role ? [{ col, role, header: text }] : [];
  });
  if (columns.length === 0) return [];
  const found: FoundRow[] = [];
  block.rows.forEach((cells, row) => {
    const named: FoundRow['cells'] = [];
    for (const { col, role, header: head } of columns) {
      const text = cells[col]?.text ?? '';
      if (text.trim() === '' || /^[—\-－/／无]+$/u.test(text.trim())) continue;
      // Read as the labelled list its header makes of it (`牵头单位：市科技局、市财政局`), offsets back in the cell.
      const label = LABEL_OF_ROLE[role];
      const parts = readClause(text, 0) ?? readLabelled(`${label}：${text}`, -(label.length + 1));
      if (parts) named.push({ col, header: head, parts });
    }
    if (named.length > 0) found.push({ row, cells: named });
  });
  return found;
}

/** Find the responsibility clauses in a text, with the offsets of every name. */
export function findClauses(text: string): FoundClause[] {
  const found: FoundClause[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const parts = readClause(m[1]!, m.index + 1);
    if (parts) found.push({ raw: m[0], start: m.index, end: m.index + m[0].length, ...parts });
  }
  // Labelled lists without brackets close a paragraph: `…给予奖励。责任单位：市科技局，市财政局`.
  const masked = text.replace(BRACKETED, (b) => ' '.repeat(b.length));
  for (const m of masked.matchAll(LABEL)) {
    if (m.index > 0 && !/[。；;！？!?\s\u3000]/u.test(masked[m.index - 1]!)) continue;
    const parts = readLabelled(text.slice(m.index), m.index);
    if (parts) found.push({ raw: text.slice(m.index).trimEnd(), start: m.index, end: text.trimEnd().length, ...parts });
    break;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Administrative prefixes that scraping or typing sometimes doubles (`区区商务局`, `区政府区政府合作交流办`). */
const DOUBLED_PREFIX = /^(区政府|市政府|县政府|区委|市委|县委|区|市|县)\1+/u;

/** Clean a name without the registry: trim, and collapse a doubled administrative prefix. */
export function cleanDepartmentName(raw: string): string {
  return raw.replace(/[\s\u3000]/gu, '').replace(DOUBLED_PREFIX, '$1');
}

/** Stable id for a name the registry does not know: region + hash of the cleaned name (URL-safe). */
export function derivedDepartmentId(name: string, region: string | null): string {
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${region ?? 'unscoped'}-unregistered-${hash}`;
}

const normalise = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]/gu, '');

/** Spelling → entry, per registry array and region (built once). */
const indexCache = new WeakMap<Department[], Map<string, Map<string, Department>>>();
function regionIndex(departments: Department[], region: string): Map<string, Department> {
  let byRegion = indexCache.get(departments);
  if (!byRegion) indexCache.set(departments, (byRegion = new Map()));
  let index = byRegion.get(region);
  if (!index) {
    index = new Map();
    for (const d of departments) {
      if (d.region !== region) continue;
      for (const form of [d.name, ...d.aliases]) index.set(normalise(form), d);
    }
    byRegion.set(region, index);
  }
  return index;
}

/**
 * The registry entry for a name as written, in the plan's region: by the name itself, else by the name with a
 * doubled prefix collapsed. `null` when the region is unknown or has no such spelling.
 */
export function lookupDepartment(raw: string, ctx: ResponsibilityContext): Department | null {
  if (ctx.region === null) return null;
  const index = regionIndex(ctx.departments, ctx.region);
  return index.get(normalise(raw)) ?? index.get(normalise(cleanDepartmentName(raw))) ?? null;
}

/** Resolve a name as written to a `DepartmentRef`; `known` is false when the id had to be derived. */
export function resolveDepartment(raw: string, ctx: ResponsibilityContext): { ref: DepartmentRef; known: boolean } {
  const entry = lookupDepartment(raw, ctx);
  if (entry) return { ref: { raw, name: entry.name, departmentId: entry.id }, known: true };
  const name = cleanDepartmentName(raw);
  return { ref: { raw, name, departmentId: derivedDepartmentId(name, ctx.region) }, known: false };
}

/** True when [start, end) crosses a mark's boundary (overlaps it without one containing the other). */
function crosses(marks: readonly Mark[], start: number, end: number): boolean {
  return marks.some((m) => m.start < end && start < m.end && !(m.start <= start && end <= m.end) && !(start <= m.start && m.end <= end));
}

/**
 * Every responsibility clause in the paragraphs of a plan, in reading order (`resp1`, `resp2` …), with one
 * `department` mark per name. `sectionId` is the nearest heading above the paragraph, whatever its level
 * (the task heading `1.提高科技创新能力。` in 000, the `（一）` heading in 002). A mark that would cross an
 * existing mark of the block (a repair inside a name) is left out; the ref is kept.
 */
export function extractResponsibilities(blocks: Block[], ctx: ResponsibilityContext): ResponsibilityResult {
  const responsibilities: Responsibility[] = [];
  const marks: BlockMark[] = [];
  const unknown: UnknownDepartment[] = [];
  /** Each name resolved, reported when unknown and marked where it is written (a paragraph, or a table's cell). */
  const refs = (names: ClauseName[], block: Block, line: number, cell?: { row: number; col: number }): DepartmentRef[] =>
    names.map((n) => {
      const { ref, known } = resolveDepartment(n.raw, ctx);
      if (!known) unknown.push({ ...ref, blockId: block.id, line });
      const where = cell ? { part: 'rows' as const, ...cell } : undefined;
      if (!crosses(richTextAt(block, where).marks, n.start, n.end)) {
        marks.push({ blockId: block.id, mark: { kind: 'department', start: n.start, end: n.end, departmentId: ref.departmentId }, ...(where ? { cell: where } : {}) });
      }
      return ref;
    });
  let sectionId: string | null = null;
  for (const block of blocks) {
    if (block.kind === 'heading') sectionId = block.id;
    if (block.kind === 'table') {
      for (const found of findTableRows(block)) {
        const line = cellLine(block, found.row, found.cells[0]!.col);
        const byRole = (role: 'lead' | 'support' | 'shared') => found.cells.flatMap((c) => refs(c.parts[role], block, line, { row: found.row, col: c.col }));
        responsibilities.push({
          id: `resp${responsibilities.length + 1}`,
          blockId: block.id,
          sectionId,
          raw: found.cells.map((c) => `${c.header}：${block.rows[found.row]![c.col]!.text.trim()}`).join('；'),
          line,
          cell: { row: found.row, col: found.cells[0]!.col },
          lead: byRole('lead'),
          support: byRole('support'),
          shared: byRole('shared'),
        });
      }
    }
    if (block.kind !== 'paragraph') continue;
    for (const clause of findClauses(block.text)) {
      const line = lineAt(block, clause.start);
      responsibilities.push({
        id: `resp${responsibilities.length + 1}`,
        blockId: block.id,
        sectionId,
        raw: clause.raw,
        line,
        lead: refs(clause.lead, block, line),
        support: refs(clause.support, block, line),
        shared: refs(clause.shared, block, line),
      });
    }
  }
  return { responsibilities, marks, unknown };
}
