/**
 * Where and when a plan is, as a list of plans from many regions names it beside its title (the tables across
 * plans, an indicator's values by plan): researchers compare regions and periods, and a title need not name either
 * (2023年全市科技创新工作要点; a text with no title). Pure: tested in plan-place.test.ts.
 */
import type { PlanDocument } from '../schemas/plan.ts';
import type { RegionOverlayEntry } from '../schemas/registry.ts';
import type { Locale } from './i18n/index.ts';
import { regionNameEn, whenEn, type Worded } from './i18n/english.ts';
import { formatWhen } from './plan-view.ts';

export interface PlanPlace {
  /** The region's full name; in English its sourced English names, else the Chinese (`lang` says which). */
  place: Worded | null;
  /** The period, else the date the document is known by (`null` when neither is known). */
  when: string | null;
}

export function planPlace(doc: PlanDocument, locale: Locale, overlay: readonly RegionOverlayEntry[]): PlanPlace {
  const region = doc.meta.region?.value;
  const place = !region ? null : locale === 'en' ? regionNameEn(region, overlay) : { text: region.fullName, lang: 'zh-CN' as const };
  const when = locale === 'en' ? whenEn(doc, true) : formatWhen(doc);
  return { place, when: when === '—' ? null : when };
}
