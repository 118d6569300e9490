import assert from 'node:assert/strict';
import { testRule, problemsOf } from '../rule-tester';

testRule('quote-pairs', {
  valid: [
    '落实“两专科一中心”建设，部署‘国家传染病智能监测预警前置软件’。',
    '深化医联(共)体建设，（一）加强领导，《方案》《办法》。',
    // Half-width brackets are never reported (1) enumerates); a mixed pair is punctuation-width's business.
    '1)第一项，a)第二项，（共)体。',
    'China’s policy, the students’ union.',
    // 1998年国务院政府工作报告: the apostrophe of a year.
    '办好“中国’99昆明世界园艺博览会”。',
    // A quotation over several paragraphs opens each with “ and closes only the last.
    '“第一段\n“第二段\n“第三段。”',
    { text: '他说“你好\n世界”。', format: 'markdown' },
    { text: '代码`“`和\n\n```\n“未闭合\n```\n', format: 'markdown' },
  ],
  invalid: [
    {
      text: '制定出台《XX市人民政府关于印发XX市创建国家卫生县工作规',
      errors: [{ line: 1, column: 5, endColumn: 6, severity: 'warning', message: '前书名号「《」在本段中没有配对的后书名号「》」（GB/T 15834-2011）' }],
    },
    {
      text: '他说“你好。\n你好”他说。',
      errors: [
        { line: 1, column: 3, endColumn: 4, message: '前引号' },
        { line: 2, column: 3, endColumn: 4, message: '后引号' },
      ],
    },
    {
      text: '”人民”至上',
      errors: [
        { line: 1, column: 1 },
        { line: 1, column: 4 },
      ],
    },
    {
      text: '（未闭合，‘单引号，《a》《b\n闭合）。',
      errors: [
        { line: 1, column: 1, message: '前括号' },
        { line: 1, column: 6, message: '单前引号' },
        { line: 1, column: 14, message: '前书名号' },
        { line: 2, column: 3, message: '后括号' },
      ],
    },
    { text: '“第一段\n第二段', errors: [{ line: 1, column: 1 }] },
    { text: '一、概况\r\n“a“b”', errors: [{ line: 2, column: 1 }] },
    {
      text: '- 列表“一\n- 列表二”',
      format: 'markdown',
      errors: [
        { line: 1, column: 5 },
        { line: 2, column: 6 },
      ],
    },
    {
      text: '# 标题“\n\n正文”',
      format: 'markdown',
      errors: [
        { line: 1, column: 5 },
        { line: 3, column: 3 },
      ],
    },
  ],
});

describe('quote-pairs offers no fix', () => {
  it("which mark is missing, and where, is the writer's call", () => {
    assert.deepEqual(
      problemsOf('quote-pairs', '他说“你好。').map((p) => p.fix),
      [undefined],
    );
  });
});

describe('quote-pairs: a closing quote after a Latin word', () => {
  testRule('quote-pairs', {
    valid: ['他引用了‘Hello world’ 这句话。', '口号是‘健康2024’ 宣传。', 'the students’ union 开会。'],
    invalid: [{ text: '他说：‘Hello world 这句话。', errors: [{ line: 1, column: 4, endColumn: 5 }] }],
  });
});
