import type { Kind } from '../schemas/registry.ts';
import type { PlanKind } from '../schemas/plan.ts';
import { firstMatching } from '../../scripts/pipeline/lexicon/patterns.ts';

/**
 * What a document is called in lists, on its card and in its citation: the label of the form of its kind its title
 * names (`content/kinds.yaml`: a 其他 whose title ends in 解读 is a 政策解读), else its kind's label. Pages that group
 * documents by kind (the facets) keep the kind's own label.
 */
export function kindLabel(kinds: readonly Kind[], kind: PlanKind, title: string | null | undefined, locale: 'zh' | 'en'): string {
  const k = kinds.find((x) => x.id === kind);
  if (!k) return kind;
  const form = title ? k.forms.find((f) => firstMatching(f.title, [title]) !== -1) : undefined;
  const named = form ?? k;
  return locale === 'en' ? named.labelEn : named.label;
}
