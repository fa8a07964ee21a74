import { expect, test } from 'vitest';
import { parseYamlWithFriendlyErrors } from './friendly-errors.ts';
import { SynonymsSchema } from './synonyms.ts';
import { loadSynonyms } from '../lib/search/load-synonyms.ts';

test('content/synonyms.yaml is valid', () => {
  const groups = loadSynonyms();
  expect(groups.length).toBeGreaterThan(10);
  // The examples issue #5 names.
  for (const [a, b] of [['高企', '高新技术企业'], ['研发强度', '研发投入强度'], ['科小', '科技型中小企业'], ['双创', '创新创业'], ['R&D', '研发']]) {
    expect(groups.some((g) => g.forms.includes(a!) && g.forms.includes(b!)), `${a} ↔ ${b}`).toBe(true);
  }
});

test('errors name the file, line and problem', () => {
  const yaml = ['- forms: [高企, 高新技术企业]', '- forms: [高企, 国家高企]', '  notIn: [东北大学]', '- forms: [孤单]'].join('\n');
  let message = '';
  try {
    parseYamlWithFriendlyErrors(SynonymsSchema, yaml, 'synonyms.yaml');
  } catch (error) {
    message = String(error);
  }
  expect(message).toContain('synonyms.yaml:2 › 1.forms.0: 高企 is already a form of group 0');
  expect(message).toContain('synonyms.yaml:3 › 1.notIn.0: 东北大学 contains no form of this group');
  expect(message).toContain('synonyms.yaml:4 › 2.forms');
});
