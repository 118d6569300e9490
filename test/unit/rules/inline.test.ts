import { testRule } from '../rule-tester';

testRule('inline-sequence', {
  valid: [
    '一是加强领导；二是完善机制；三是强化保障。',
    '主要做法：一是加强领导。\n二是完善机制。\n\n三是强化保障。',
    '我市第一时间转入应急状态，第三人民医院、第二剂次接种。',
    '这是唯一是非题，统一是前提，其中之一是关键。',
    '第一，加强领导；第二，完善机制。',
    { text: '代码 `一是` 不算。', format: 'markdown' },
    { text: '主要做法：\n\n- 一是加强领导；\n- 二是完善机制；\n- 三是强化保障。', format: 'markdown' },
    '完成第一、二季度任务，第一时间上报。',
    '十一是国庆假期。',
    // Days of the week: 周一是 / 星期一是 / 礼拜一是 say "Monday is".
    '坚持每周一是机关学习日，星期五是接待日，礼拜三是例会。',
    '首先，统一思想；其次，明确责任；最后，狠抓落实。',
    '首先，统一思想；最后，狠抓落实。',
    '最后一公里，其次是效率。',
  ],
  invalid: [
    {
      text: '一是加强领导；二是完善机制；四是强化保障。',
      errors: [{ line: 1, column: 15, endColumn: 17, message: '跳号', safe: false }],
      output: '一是加强领导；二是完善机制；三是强化保障。',
    },
    { text: '一是甲；二是乙；二是丙。', errors: [{ line: 1, column: 9, endColumn: 11, message: '重复' }], output: '一是甲；二是乙；三是丙。' },
    { text: '情况如下。一是加强领导。', errors: [{ line: 1, column: 6, endColumn: 8, message: '没有“二是”' }] },
    { text: '第一，甲；第二，乙；第四，丙。', errors: [{ line: 1, column: 11, endColumn: 13, message: '第三' }], output: '第一，甲；第二，乙；第三，丙。' },
    { text: '另外，二是乙；三是丙。', errors: [{ line: 1, column: 4, endColumn: 6, message: '一是' }] },
    { text: '第一是甲；第二是乙；第四是丙。', errors: [{ line: 1, column: 11, endColumn: 13, message: '第三' }] },
    { text: '首先，统一思想；最后，抓落实；其次，明确责任。', errors: [{ line: 1, column: 16, endColumn: 18, message: '顺序有误' }] },
    { text: '一是甲。\n\n三是乙。', errors: [{ line: 3, column: 1, endColumn: 3, message: '跳号' }], output: '一是甲。\n\n二是乙。' },
  ],
});

testRule('heading-title-stop', {
  valid: [
    '一、甲\n1.加强领导。正文。\n2.完善机制。正文。\n3.强化保障。正文。\n4.提升能力。正文。',
    // Too few peers to judge.
    '1.加强领导。正文。\n2.提升基层中医药服务能力加强区中医医院两专科一中心建设组建区中医医院为龙头的区级中医医共体。正文',
  ],
  invalid: [
    {
      text: '1.加强领导。正文。\n2.完善机制。正文。\n3.强化保障。正文。\n4.提升基层中医药服务能力加强区中医医院两专科一中心建设组建区中医医院为龙头的区级中医医共体逐步纳入。正文',
      errors: [{ line: 4, column: 1, endColumn: 3, message: '漏了句号' }],
    },
  ],
});
