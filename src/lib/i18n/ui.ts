/**
 * The site's own words in Chinese and English (issue 13). Written by the editors, not machine-translated; what the
 * data says (plan texts, Chinese names without an English field) is never here. `en` must have every key of `zh`,
 * so a page cannot show a Chinese-only string on the English site by forgetting one.
 */

export const zh = {
  htmlLang: 'zh-CN',
  siteName: '地方科技规划参考库',
  siteDescription: '中国地方科技创新规划：结构化全文、逐句可溯的指标、跨地区比较与规范打印。',
  skipLink: '跳到正文',
  navLabel: '网站导航',
  nav: {
    plans: '规划',
    regions: '地区',
    departments: '部门',
    documents: '引用文件',
    glossary: '术语',
    themes: '主题',
    indicators: '指标',
    compare: '指标比较',
    data: '数据',
    search: '搜索',
  },
  searchBoxLabel: '搜索规划全文',
  searchButton: '搜索',
  footer: '原文取自各级政府门户网站，本站照录原文，修补之处均有标注并附原文。数据可自由下载引用。',

  // Home
  homeHeading: '地方科技创新规划',
  homeLede: (n: number) => `收录${n}份地方科技创新规划与相关文件：全文逐节逐段可引用，指标可追溯到原句，可跨地区比较，可按公文格式打印。`,
  allPlans: '全部规划',
  colPlan: '规划',
  colRegion: '地区',
  colPeriod: '规划期',
  colKind: '类型',
  colDocNumber: '发文字号',

  // Plan page
  breadcrumbsLabel: '位置',
  printButton: '打印本页',
  sourceView: '逐行原文',
  plainText: '纯文本',
  dataJson: '数据 (JSON)',
  metaHeading: '文件信息',
  metaAll: '全部文件信息',
  tocHeading: '目录',
  citeSummary: '引用本文',
  citeHint: '引用某一节或某一段时，在网址后加上其锚点，例如 <code>#s2-1</code>（第二部分第一节）或 <code>#p2-1-1</code>（该节第一段）；标题旁的 # 与段末的 ¶ 即是锚点链接。',
  printedFrom: '本件打印自',
  printDate: '打印日期：',

  // Comparison
  compareTitle: '指标比较',
  compareDescription: '各规划设定的科技指标逐项对照：基数、目标、年份与限定语，标明口径不同之处。',
  compareFilter: '按指标类型筛选',
  compareNone: '暂无',
  compareTableLabel: '指标比较表（可横向滚动）',
  compareCaption: '指标 × 规划',
  colIndicator: '指标',
  noValue: '无',

  // Indicators
  indicatorsTitle: '指标',
  indicatorsDescription: '规划中设定数值的科技指标：定义、英文名、可比性说明与各规划的数值。',
  indicatorsCaption: '指标一览',
  colOtherName: '英文名称',
  colUnit: '单位',
  colPlansUsing: '使用的规划',

  // Glossary
  glossaryTitle: '术语',
  glossaryDescription: '科技规划常用术语的简明解释与英文名，以及使用它们的规划。',
  glossaryIntro: '规划中常见而不加解释的术语。正文中每节第一次出现的术语链接到这里。',
  editorsTranslation: '（编者译名）',
  plansCount: (n: number) => `（${n}份规划）`,

  // Regions
  regionsTitle: '地区',
  regionsDescription: '按地区浏览规划，及各规划的规划期时间线。',
  regionsTimeline: '规划期时间线',
  regionPlans: (n: number) => `规划（${n}）`,
  regionChildren: '下辖地区',
  regionPeriods: '规划期',
  regionPlanCount: (n: number) => `（${n}份）`,

  // Search
  searchTitle: '搜索',
  searchDescription: '在全部地方科技规划的全文中检索术语、机构、部门、数字与简称，结果链接到具体的章节和段落。',
  searchFormLabel: '检索规划全文',
  searchQueryLabel: '检索词',
  searchHint: '可检索术语（瞪羚企业）、机构与地名（河北工业大学）、部门（区科技局）、数字（3.2%）和简称（高企、双创）；简称与全称互相检索。多个词用空格分开。',
  searchNoScript: '搜索需要在浏览器中启用 JavaScript。也可以<a href="{plans}">浏览全部规划</a>，在规划页面中按目录查找章节。',
  searchFilters: '筛选',
  searchResults: '搜索结果',
};

export type UiStrings = typeof zh;

export const en: UiStrings = {
  htmlLang: 'en',
  siteName: 'Chinese Local S&T Plans: a Reference Library',
  siteDescription: 'Local science and technology plans of China: the full texts, structured; every target traceable to its sentence; comparisons across regions.',
  skipLink: 'Skip to the content',
  navLabel: 'Site navigation',
  nav: {
    plans: 'Plans',
    regions: 'Regions',
    departments: 'Departments',
    documents: 'Cited documents',
    glossary: 'Glossary',
    themes: 'Themes',
    indicators: 'Indicators',
    compare: 'Comparison',
    data: 'Data',
    search: 'Search',
  },
  searchBoxLabel: 'Search the plan texts (in Chinese)',
  searchButton: 'Search',
  footer: 'The texts come from government portals and are reproduced verbatim in Chinese; every repair is marked, with the original beside it. The data may be downloaded and cited freely.',

  homeHeading: 'Local science and technology plans of China',
  homeLede: (n: number) =>
    `${n} local science and technology plans and related documents. Each plan is shown in its official Chinese text, citable by section and paragraph; every target links back to its sentence, and targets can be compared across regions.`,
  allPlans: 'All plans',
  colPlan: 'Plan (Chinese title)',
  colRegion: 'Region',
  colPeriod: 'Period',
  colKind: 'Kind',
  colDocNumber: 'Document number',

  breadcrumbsLabel: 'Breadcrumbs',
  printButton: 'Print this page',
  sourceView: 'Source, line by line (Chinese)',
  plainText: 'Plain text',
  dataJson: 'Data (JSON)',
  metaHeading: 'Document information',
  metaAll: 'All document information',
  tocHeading: 'Contents',
  citeSummary: 'Cite this page',
  citeHint: 'To cite a section or a paragraph, add its anchor to the address, such as <code>#s2-1</code> (part two, section one) or <code>#p2-1-1</code> (the first paragraph of that section); the # beside a heading and the ¶ after a paragraph are anchor links.',
  printedFrom: 'Printed from',
  printDate: 'Printed on:',

  compareTitle: 'Comparison of targets',
  compareDescription: 'The indicators the plans set targets for, side by side: baseline, target, year and qualifiers, with warnings where values are not comparable.',
  compareFilter: 'Show indicators of kind',
  compareNone: 'none yet',
  compareTableLabel: 'Indicators by plan (scrolls sideways)',
  compareCaption: 'Indicators by plan',
  colIndicator: 'Indicator',
  noValue: 'no value',

  indicatorsTitle: 'Indicators',
  indicatorsDescription: 'The indicators local S&T plans set values for: definitions, comparability notes and every plan’s values.',
  indicatorsCaption: 'All indicators',
  colOtherName: 'Chinese name',
  colUnit: 'Unit',
  colPlansUsing: 'Plans using it',

  glossaryTitle: 'Glossary',
  glossaryDescription: 'Terms of Chinese S&T policy the plans use without explaining them, with their definitions (in Chinese) and the plans that use them.',
  glossaryIntro: 'Terms the plans use without explaining them. Definitions are in Chinese, as the sources give them.',
  editorsTranslation: '(editors’ translation)',
  plansCount: (n: number) => `(${n} ${n === 1 ? 'plan' : 'plans'})`,

  regionsTitle: 'Regions',
  regionsDescription: 'The plans by region, and a timeline of their periods.',
  regionsTimeline: 'Timeline of plan periods',
  regionPlans: (n: number) => `Plans (${n})`,
  regionChildren: 'Regions under it',
  regionPeriods: 'Plan periods',
  regionPlanCount: (n: number) => `(${n} ${n === 1 ? 'plan' : 'plans'})`,

  searchTitle: 'Search',
  searchDescription: 'Search the full Chinese texts of all plans for terms, institutions, departments, numbers and abbreviations; results link to sections and paragraphs.',
  searchFormLabel: 'Search the plan texts',
  searchQueryLabel: 'Search for (in Chinese)',
  searchHint: 'The plans are in Chinese, so search in Chinese: terms, institutions and places, departments, numbers (3.2%) and abbreviations, which also find the full forms. Separate several words with spaces.',
  searchNoScript: 'Search needs JavaScript in the browser. You can also <a href="{plans}">browse all plans</a> and find a section through a plan’s contents.',
  searchFilters: 'Filters',
  searchResults: 'Search results',
};
