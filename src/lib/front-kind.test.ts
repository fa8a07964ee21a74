import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { FRONT_LABELS, frontKind } from './front-kind.ts';
import { tableOfContents } from './plan-view.ts';

const reg = loadRegistries('seeds', 'content');
const made = (text: string) => buildPlanDocument({ name: 'f.txt', path: 'f.txt', bytes: Buffer.from(text) }, reg);

describe('frontKind(doc)', () => {
  test('names what the text prints before the plan by its title’s last words: 通知, 公告, 通告, or nothing', () => {
    expect(frontKind(made('某市人民政府关于印发某市科技创新规划的通知\n各区：\n现将《某市科技创新规划》印发给你们。\n某市科技创新规划\n一、目标\n甲。'))).toBe('notice');
    const comment = made('某市科学技术局关于公开征求《某市科技创新三年行动方案（征求意见稿）》意见的公告\n为广泛听取意见，现予公布。\n某市科技创新三年行动方案\n一、目标\n甲。');
    expect(frontKind(comment)).toBe('announcement');
    expect(tableOfContents(comment)[0]).toMatchObject({ id: 'notice-title', label: '公告', labelEn: 'Announcement' });
    expect(frontKind(made('某市科技创新规划\n一、目标\n甲。'))).toBe('notice');
    expect(FRONT_LABELS['public-notice']).toEqual({ zh: '通告', en: 'Public notice' });
  });
});
