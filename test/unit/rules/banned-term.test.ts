import { testRule } from '../rule-tester';

testRule('banned-term', {
  valid: [
    '内地与香港经贸合作不断深化，朝鲜代表团来访。',
    '建设数据中台，农村长期稳定，推行林长制、村长制。',
    // 深圳 report: 城中|村长|租 in the segmentation, 城中村 + 长租公寓 in the text.
    '探索城中村规模化租赁试点，打造一批城中村长租公寓。',
    '个体工商户老板积极参与。',
    { text: '市卫生健康委牵头。', config: { rules: { 'banned-term': ['warning', { terms: ['市卫健委=市卫生健康委'] }] } } },
  ],
  invalid: [
    {
      text: '中港两地经贸合作不断深化，北朝鲜代表团来访。',
      errors: [
        { line: 1, column: 1, endColumn: 3, message: '应为“内地与香港”', severity: 'warning', safe: false },
        { line: 1, column: 14, endColumn: 17, message: '新华社' },
      ],
      output: '内地与香港两地经贸合作不断深化，朝鲜代表团来访。',
    },
    {
      text: '由村长负责，书记是我们的老板。',
      errors: [
        { line: 1, column: 2, endColumn: 4 },
        { line: 1, column: 13, endColumn: 15 },
      ],
      output: '由村委会主任负责，书记是我们的领导。',
    },
    {
      text: '由市卫健委牵头，严禁使用某某。',
      config: { rules: { 'banned-term': ['warning', { terms: ['市卫健委=市卫生健康委', '某某'] }] } },
      errors: [
        { line: 1, column: 2, endColumn: 6, message: '应为“市卫生健康委”' },
        { line: 1, column: 13, endColumn: 15, message: '禁用词“某某”' },
      ],
      output: '由市卫生健康委牵头，严禁使用某某。',
    },
    {
      text: '北朝鲜',
      config: { rules: { 'banned-term': ['warning', { builtIn: false }] } },
      errors: [],
    },
  ],
});
