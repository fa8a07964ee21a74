/**
 * Three small hand-built plans for the reuse tests (`*.test.ts` beside this file): every expectation follows from
 * the strings below.
 */
import { heading, para, plan } from '../crosslinks/test-fixtures.ts';

export const FORMULA = '以习近平新时代中国特色社会主义思想为指导'; // 20 characters
export const MEASURE = '推动高新技术企业培育库与企业登记信息库、知识产权数据库等多库联动'; // 31 in matching form (no 、)

// X: notice (front, never read), the heading 指导思想, then the formula and the measure in one paragraph, the
// measure again in a later paragraph. Y prints the formula after the same heading; Z the formula and the measure.
// No plan has a region, so each is named by its title.
export const X = plan('x', '甲区方案', {
  blocks: [
    para('pn-1', `${FORMULA}，特此通知。`, [], 'front'),
    heading('s1', 1, '一、', '指导思想'),
    para('p1-1', `${FORMULA}，${MEASURE}。`),
    para('p1-2', `本区自有的一句话。${MEASURE}。`),
  ],
});
export const Y = plan('y', '乙区方案', { blocks: [heading('s1', 1, '（一）', '指导思想'), para('p1-1', `${FORMULA}，加快建设。`)] });
export const Z = plan('z', '丙区方案', { blocks: [para('p1', `另起一段。${MEASURE}；${FORMULA}。`)] });
