import { testRule } from '../rule-tester';

testRule('range-dash', {
  valid: [
    '出台《福田区区域医疗卫生规划（2016～2020年）》，2016—2020年，10～30亿元。',
    '依据GB/T 15834-2011、GB/T 9704-2012，发布时间2024-03-13，电话0755-83123456。',
    '卫发〔2024〕5号，2024年3月13日，COVID-19疫情，-5-10℃。',
    '附件：1-3号表格\n附件：\n1. 2016-2020年项目表\n2. 5-10个样本清单\n\n正文。',
    { text: '代码 `2016-2020年` 不查。', format: 'markdown' },
  ],
  invalid: [
    {
      text: '其中30亿元以上项目6个、10-30亿元项目11个。',
      errors: [{ line: 1, column: 16, endColumn: 17, severity: 'warning', message: '应为“10～30亿”', safe: false }],
      output: '其中30亿元以上项目6个、10～30亿元项目11个。',
    },
    {
      text: '对2006－2020年的科技发展作出全面部署。',
      errors: [{ line: 1, column: 6, endColumn: 7, message: '一字线', safe: true }],
      output: '对2006—2020年的科技发展作出全面部署。',
    },
    {
      text: '1-6月预计完成产值113亿元，地区生产总值增长5%-5.5%。',
      errors: [
        { line: 1, column: 2, endColumn: 3, safe: true, message: '“1—6月”' },
        { line: 1, column: 27, endColumn: 28, safe: false, message: '“5%～5.5%”' },
      ],
      output: '1—6月预计完成产值113亿元，地区生产总值增长5%～5.5%。',
    },
    {
      text: '规划（2021-2025）和2016年-2020年，3月1~15日。',
      errors: [
        { line: 1, column: 8, endColumn: 9 },
        { line: 1, column: 20, endColumn: 21 },
        { line: 1, column: 30, endColumn: 31 },
      ],
      output: '规划（2021—2025）和2016年—2020年，3月1—15日。',
    },
  ],
});
