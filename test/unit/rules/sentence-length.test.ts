import assert from 'node:assert/strict';
import { testRule, problemsOf } from '../rule-tester';

/** A real-looking run-on sentence: 8 clauses of 15 characters and a comma, the last comma a full stop: 128 characters. */
const CLAUSE = '持续推进基本公共卫生服务均等化';
const LONG = `${Array.from({ length: 8 }, () => CLAUSE).join('，')}。`;
const SHORT = '强化项目数据系统录入核查。';

describe('sentence-length fixtures', () => {
  it('are as long as the tests say', () => {
    assert.equal(LONG.length, 128);
    assert.equal(CLAUSE.length, 15);
  });
});

testRule('sentence-length', {
  valid: [
    `${SHORT}${SHORT}\n一、总体要求\n${SHORT}`,
    // A heading's title is not a sentence, however long (heading-title-stop judges it).
    `一、${CLAUSE.repeat(9)}\n${SHORT}`,
    // 120 characters exactly is not over.
    `${LONG.slice(0, 119)}。`,
    { text: `${LONG}`, config: { rules: { 'sentence-length': ['info', { maxLength: 200 }] } } },
    // Spaces do not count: 120 characters and two spaces.
    `${CLAUSE.repeat(4)}  ${CLAUSE.repeat(4)}\n${SHORT}`,
    // The document title is not a sentence either.
    `${CLAUSE.repeat(3)}\n\n一、总体要求\n${SHORT}`,
  ],
  invalid: [
    {
      text: `一、主要工作\n${SHORT}${LONG}${SHORT}`,
      errors: [{ line: 2, column: 14, endColumn: 142, severity: 'info', message: '句子长达128字，超过120字' }],
    },
    {
      // In a run-in heading the sentence starts after the title's stop; ； and a half-width ; end sentences; a closing quote stays with its sentence.
      text: `（一）强化组织领导。${LONG.slice(0, -1)}；${SHORT}“${LONG}”\n`,
      errors: [
        { line: 1, column: 11, endColumn: 139 },
        { line: 1, column: 152, endColumn: 282 },
      ],
    },
    {
      // Spaces do not count, and a line without a stop ends its sentence at the line's end.
      text: `${CLAUSE.repeat(4)}  ${CLAUSE.repeat(4)}，再加一字\n`,
      errors: [{ line: 1, column: 1, endColumn: 128, message: '句子长达125字' }],
    },
    {
      // The option sets the limit.
      text: `${SHORT}${CLAUSE}，${CLAUSE}。`,
      config: { rules: { 'sentence-length': ['info', { maxLength: 30 }] } },
      errors: [{ line: 1, column: 14, endColumn: 46, message: '句子长达32字，超过30字' }],
    },
  ],
});

describe('sentence-length in markdown', () => {
  it('skips code blocks and # headings', () => {
    const text = `# ${CLAUSE.repeat(9)}\n\n\`\`\`\n${LONG}\n\`\`\`\n\n${LONG}\n`;
    assert.deepEqual(
      problemsOf('sentence-length', text, 'markdown').map((p) => `${p.line}:${p.column}-${p.endColumn}`),
      ['7:1-129'],
    );
  });
});

describe('sentence-length after a markdown heading whose title runs over two lines', () => {
  // `一、总体要求` then a paragraph of two lines underlined with `---`: markdown makes the paragraph one heading, whose
  // title ends on its second line. Each sentence is 63 characters: none is too long.
  it('reads each sentence on its own', () => {
    const clause = '全面落实各项工作任务确保取得实效'.repeat(4).slice(0, 62);
    const text = `一、总体要求\n${clause}。${clause}。\n---\n`;
    assert.deepEqual(problemsOf('sentence-length', text, 'markdown'), []);
  });
});
