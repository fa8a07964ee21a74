/**
 * Stage 3: drop portal chrome and set aside portal metadata fields, listing every line it takes out.
 * The rules are data (`content/chrome.yaml`); this module only applies them.
 */
import type { ChromeRule } from '../../src/schemas/registry.ts';
import type { RemovedLine } from '../../src/schemas/plan.ts';
import type { SourceLine } from './lines.ts';

export interface ChromeResult {
  /** Non-blank lines that stay in the body, in order. */
  kept: SourceLine[];
  /** Lines taken out, in order. */
  removed: RemovedLine[];
}

/** A line this long is running text, never chrome: head rules stop before the first, tail rules start after the last. */
const RUNNING_TEXT = 60;

export function removeChrome(lines: SourceLine[], rules: ChromeRule[]): ChromeResult {
  const compiled = rules.map((r) => ({ ...r, re: new RegExp(r.pattern, 'u') }));
  const long = lines.filter((l) => [...l.text].length >= RUNNING_TEXT).map((l) => l.n);
  const firstLong = long[0] ?? Infinity;
  const lastLong = long[long.length - 1] ?? -Infinity;
  const kept: SourceLine[] = [];
  const removed: RemovedLine[] = [];
  for (const line of lines) {
    if (line.text === '') continue;
    const rule = compiled.find(
      (r) =>
        (r.where === 'anywhere' || (r.where === 'head' && line.n < firstLong) || (r.where === 'tail' && line.n > lastLong)) &&
        r.re.test(line.text),
    );
    if (rule) removed.push({ line: line.n, text: line.raw, kind: rule.kind, rule: rule.rule });
    else kept.push(line);
  }
  return { kept, removed };
}
