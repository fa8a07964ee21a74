import { describe, expect, test } from 'vitest';
import { chartNotesHtml, chartSourcesHtml, chartTableHtml, chartWordsHtml } from './chart-html.ts';

// The markup the Chart component's parts had when each word was a ChartWords component (a Mixed inside on English pages).
describe('a chart’s words, notes, sources and table as HTML', () => {
  test('words are escaped; on an English page each run of Chinese is marked', () => {
    expect(chartWordsHtml('研发投入强度 <3%> & “目标”', false)).toBe('研发投入强度 &lt;3%&gt; &amp; “目标”');
    expect(chartWordsHtml('R&D intensity, 北辰区 plan', true)).toBe('R&amp;D intensity, <span lang="zh-CN">北辰区</span> plan');
  });
  test('notes are list items', () => {
    expect(chartNotesHtml(['注一', '注二'], false)).toBe('<li>注一</li><li>注二</li>');
  });
  test('sources: the label, then links separated as the language separates them, each with the given language', () => {
    const sources = [{ label: '原句一', href: '/plans/a/#p1' }, { label: '原句二', href: '/plans/a/#p2' }];
    expect(chartSourcesHtml('数据来源：', sources, false)).toBe('<span class="chart-sources-label">数据来源：</span><a href="/plans/a/#p1">原句一</a>；<a href="/plans/a/#p2">原句二</a>');
    expect(chartSourcesHtml('Sources: ', [{ label: 'Plan 甲', href: '/en/plans/a/#p1' }, sources[1]!], true)).toBe('<span class="chart-sources-label">Sources: </span><a href="/en/plans/a/#p1">Plan <span lang="zh-CN">甲</span></a>; <a href="/plans/a/#p2"><span lang="zh-CN">原句二</span></a>');
  });
  test('the table: hidden caption, a header row, a row per value with its name as the row header', () => {
    expect(chartTableHtml('目标', { columns: ['指标', '起点', '目标'], rows: [['研发投入强度', '2.1%', '3%']] }, false)).toBe(
      '<caption class="visually-hidden">目标</caption><thead><tr><th scope="col">指标</th><th scope="col">起点</th><th scope="col">目标</th></tr></thead><tbody><tr><th scope="row">研发投入强度</th><td>2.1%</td><td>3%</td></tr></tbody>',
    );
  });
});
