/**
 * What a text prints before the plan, as its title names it: a covering notice (`…的通知`, 印发通知), or an
 * announcement (`…的公告`, `…的通告`) that puts the plan out, most often a draft for comment. The page names that part
 * by it (its region, the contents, a section's place), in the reader's edition.
 */
import type { PlanDocument } from '../schemas/plan.ts';

export type FrontKind = 'notice' | 'announcement' | 'public-notice';

export const FRONT_LABELS: Record<FrontKind, { zh: string; en: string }> = {
  notice: { zh: '印发通知', en: 'Covering notice' },
  announcement: { zh: '公告', en: 'Announcement' },
  'public-notice': { zh: '通告', en: 'Public notice' },
};

/** The kind of the text's front, by the last words of its notice's title (`notice` when it has none). */
export function frontKind(doc: Pick<PlanDocument, 'blocks'>): FrontKind {
  const title = doc.blocks.find((b) => b.kind === 'title' && b.role === 'notice');
  const text = title && title.kind === 'title' ? title.text.replace(/\s+/gu, '') : '';
  return /公告$/u.test(text) ? 'announcement' : /通告$/u.test(text) ? 'public-notice' : 'notice';
}
