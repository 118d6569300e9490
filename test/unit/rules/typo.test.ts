// With no provider, lint uses the built-in Intl.Segmenter: the guards below hold with the weakest engine.
import { testRule } from '../rule-tester';

testRule('typo', {
  valid: [
    '区委区政府高度重视法治政府建设，今年年初，提前部署法治政府建设工作。',
    '自己经历了困难，宣布署名文章，加强预防犯罪，各自已经完成。',
    '感动得不能自已，难以自已。',
    '一是强化思想教育，严于律己，按部就班，再接再厉。',
    { text: '代码 `布署` 不查。\n\n```\n己经\n```\n', format: 'markdown' },
    { text: '我们己经完成了任务。', config: { segmenter: 'off' } },
  ],
  invalid: [
    {
      text: '区委区政府高度重视法治政府建设，今年年初，提前布署法治政府建设工作。',
      errors: [{ line: 1, column: 24, endColumn: 26, severity: 'error', message: '错别字“布署”应为“部署”', safe: false }],
      output: '区委区政府高度重视法治政府建设，今年年初，提前部署法治政府建设工作。',
    },
    {
      text: '我们己经完成了任务，自己经历了困难。',
      errors: [{ line: 1, column: 3, endColumn: 5, safe: false }],
      output: '我们已经完成了任务，自己经历了困难。',
    },
    {
      text: '各自已经完成，我们自已动手，感动得不能自已。',
      errors: [{ line: 1, column: 10, endColumn: 12, message: '应为“自己”' }],
      output: '各自已经完成，我们自己动手，感动得不能自已。',
    },
    {
      text: '严于律已，按步就班，再接再励。',
      errors: [
        { line: 1, column: 1, endColumn: 5, safe: true, message: '《现代汉语词典》（第7版）' },
        { line: 1, column: 6, endColumn: 10, safe: true },
        { line: 1, column: 11, endColumn: 15, safe: true },
      ],
      output: '严于律己，按部就班，再接再厉。',
    },
    {
      text: '加强防犯工作。',
      errors: [{ line: 1, column: 3, endColumn: 5 }],
      output: '加强防范工作。',
    },
    {
      text: '严于律已。',
      config: { segmenter: 'off' },
      errors: [{ line: 1, column: 1, endColumn: 5 }],
    },
  ],
});
