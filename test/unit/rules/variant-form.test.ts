import { testRule } from '../rule-tester';

testRule('variant-form', {
  valid: [
    '逐步形成以公有制为主体的多种成分、多种形式的所有制结构。',
    '组成份额，超过份额，个人材料，每份内容。',
    '预定单位，确定单位，凑份子，一分子。',
    '统计画面，地图象征，框架式结构。',
  ],
  invalid: [
    {
      text: '逐步形成以公有制为主体的多种成份、多种形式的所有制结构。',
      errors: [{ line: 1, column: 15, endColumn: 17, severity: 'warning', message: '异形词“成份”应为“成分”', safe: false }],
      output: '逐步形成以公有制为主体的多种成分、多种形式的所有制结构。',
    },
    {
      text: '更好辐射西部、联接全国、融入全球。',
      errors: [{ line: 1, column: 8, endColumn: 10, message: 'GF 1001-2001' }],
      output: '更好辐射西部、连接全国、融入全球。',
    },
    {
      text: '收到定单三份，人材济济，丰富多采。',
      errors: [
        { line: 1, column: 3, endColumn: 5 },
        { line: 1, column: 8, endColumn: 10 },
        { line: 1, column: 13, endColumn: 17, safe: true },
      ],
      output: '收到订单三份，人才济济，丰富多彩。',
    },
    {
      text: '反对铺张奢糜之风。',
      errors: [{ line: 1, column: 5, endColumn: 7 }],
      output: '反对铺张奢靡之风。',
    },
  ],
});
