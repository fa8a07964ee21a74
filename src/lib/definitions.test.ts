/**
 * Which definition a plan's term links to. Expectations from issue 13: 雏鹰企业 is defined by Tianjin's
 * 津科规〔2021〕3号; a Tianjin district's plan gets it, a Hebei city's plan must not, and is told that no
 * definition for 河北省 is recorded.
 */
import { describe, expect, test } from 'vitest';
import { definitionFor, regionsWithoutDefinition } from './definitions.ts';

const TIANJIN = { id: 'tianjin', name: '天津市', parents: [] };
const BEICHEN = { id: 'tianjin-beichen', name: '北辰区', parents: [{ id: 'tianjin', code: '120000', name: '天津市', level: 'province' as const }] };
const XINJI = {
  id: 'hebei-xinji',
  name: '辛集市',
  parents: [
    { id: 'hebei', code: '130000', name: '河北省', level: 'province' as const },
    { id: 'hebei-shijiazhuang', code: '130100', name: '石家庄市', level: 'city' as const },
  ],
};
const tianjinOnly = { definition: undefined, byRegion: [{ region: 'tianjin', text: '天津市的定义。', textEn: 'Tianjin’s definition.', source: '津科规〔2021〕3号', checked: '2026-12-01', against: 'reprint' as const }] };
const general = { text: '通用的释义。', textEn: 'A definition.', editors: true as const };

describe('definitionFor(term, region)', () => {
  test('a plan of a district of Tianjin gets Tianjin’s definition, at its anchor', () => {
    expect(definitionFor(tianjinOnly, BEICHEN)).toMatchObject({ kind: 'regional', regionName: '天津市', anchor: 'def-tianjin', definition: { text: '天津市的定义。' } });
    expect(definitionFor(tianjinOnly, TIANJIN)).toMatchObject({ kind: 'regional', anchor: 'def-tianjin' });
  });
  test('a plan of Hebei gets no definition, and the note for 河北省 (its province, not its prefecture)', () => {
    expect(definitionFor(tianjinOnly, XINJI)).toEqual({ kind: 'none', region: { id: 'hebei', name: '河北省' }, anchor: 'def-hebei' });
  });
  test('with a general definition, a plan elsewhere gets it, at its own anchor', () => {
    expect(definitionFor({ ...tianjinOnly, definition: general }, XINJI)).toEqual({ kind: 'general', definition: general, anchor: 'def-general' });
  });
  test('a term with one definition for all links to the page itself', () => {
    expect(definitionFor({ definition: general, byRegion: [] }, XINJI)).toEqual({ kind: 'general', definition: general, anchor: null });
  });
  test('a county’s own definition wins over its province’s', () => {
    const both = { definition: undefined, byRegion: [{ ...tianjinOnly.byRegion[0]!, region: 'tianjin-beichen', text: '北辰区的定义。' }, tianjinOnly.byRegion[0]!] };
    expect(definitionFor(both, BEICHEN)).toMatchObject({ kind: 'regional', anchor: 'def-tianjin-beichen', regionName: '北辰区' });
  });
});

describe('regionsWithoutDefinition(term, regions)', () => {
  test('names each province without a definition once', () => {
    expect(regionsWithoutDefinition(tianjinOnly, [BEICHEN, XINJI, XINJI, TIANJIN])).toEqual([{ id: 'hebei', name: '河北省' }]);
    expect(regionsWithoutDefinition({ ...tianjinOnly, definition: general }, [XINJI])).toEqual([]);
  });
});
