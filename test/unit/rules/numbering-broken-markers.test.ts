// A gap in the numbering that copying made: a marker split over two lines (`（⏎三）`), a closing bracket without its
// opening one (`三）`), a number glued to its title (`10企业发展`), a heading run into a paragraph. Renumbering there
// is never safe: the fix mends the marker instead, as a suggestion. The texts come from public government work
// reports copied from the web (the 2026 云南省政府工作报告, whose PDF copy breaks `（三）` over two lines).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixAll, lint, parse, type DocumentModel } from '../../../src/core';
import { problemsOf, testRule } from '../rule-tester';

const YUNNAN = [
  '一、2025年工作回顾',
  '（一）经济运行顶住压力、稳中有进。',
  '强化经济运行分析研究，出台稳增长政策32项，接续实施一季度良好开局、二季度竞进提质行动。',
  '（二）产业发展提质增效、转型加快。',
  '非烟非能工业增加值增长8.1%、对规模以上工业增长贡献率达72.9%。',
];
const YUNNAN_AFTER = [
  '“云南方案”成为全国开展市场准入效能评估的基础性方案。',
  '（四）城乡发展齐头并进、更趋协调。',
  '新型城镇化和乡村全面振兴有机结合，常住人口城镇化率提高1个百分点。',
  '（五）生态环境持续改善、稳中向好。',
  '九大高原湖泊保护治理成效明显。',
  '（六）民生福祉不断增进、保障有力。',
  '城镇新增就业52万人。',
  '（七）政府建设持续加强、效能提升。',
  '二、2026年工作安排',
  '（一）坚定不移扩大内需。',
];
const lines = (...parts: string[][]) => parts.flat().join('\n');

/** `（` at the end of one line, `三）改革开放……` at the start of the next (the real copy, lines 37–38). */
const SPLIT = lines(YUNNAN, ['（', '三）改革开放持续深化、互促共进。'], YUNNAN_AFTER);
/** The same break after a paragraph's last sentence. */
const SPLIT_AFTER_TEXT = lines(YUNNAN.slice(0, 4), ['非烟非能工业增加值增长8.1%。（', '三）改革开放持续深化、互促共进。'], YUNNAN_AFTER);
/** The opening bracket lost altogether. */
const UNPAIRED = lines(YUNNAN, ['三）改革开放持续深化、互促共进。'], YUNNAN_AFTER);

const CONTENTS = [
  '1.经济运行顶住压力、稳中有进',
  '2.产业发展提质增效、转型加快',
  '3.改革开放持续深化、互促共进',
  '4.城乡发展齐头并进、更趋协调',
  '5.生态环境持续改善、稳中向好',
  '6.民生福祉不断增进、保障有力',
  '7.社会大局和谐稳定',
  '8.政府建设持续加强',
  '9.乡村全面振兴扎实推进',
];

testRule('numbering-sequence', {
  valid: [
    // 3.2026年 reads as the decimal 3.2, not a heading (the title is from the 2026 江西省政府工作报告), but the one
    // missing number starts the line: the numbering is right, nothing to report (it was: 4. reported as a skip, which
    // reviewers judged false, as for 40.151件 and 4.3月底 in 宝安区 reports and 18.8所 in a 龙华区 glossary).
    '一、2026年主要任务\n1.扎实推进“双招双引”。招才引智、招商引资。\n2.深入实施“2152”龙头引育工程。重点培育打造龙头企业。\n' +
      '3.2026年10件民生实事。加大重点群体就业创业支持力度。\n4.全面推进“数商兴农”行动。通过数字化手段全面赋能农业。\n5.持续开展“百羽争锋”。覆盖全省、全民参与。',
    // A table of contents whose 10. lost its point: never judged (it was: 11. renumbered safely to 10.).
    lines(
      ['目录', '一、2025年工作回顾'],
      CONTENTS,
      ['10企业发展活力持续增强', '11.安全生产形势总体平稳', '二、2026年工作安排', ''],
      ['一、2025年工作回顾'],
      CONTENTS.map((c) => `${c}。正文。`),
      ['二、2026年工作安排', '正文。'],
    ),
  ],
  invalid: [
    {
      // The gap is the split （三）: reported there, mended by moving the bracket down, never renumbered.
      text: SPLIT,
      errors: [{ line: 6, column: 1, endColumn: 3, message: '（二）与（四）之间的（三）被拆在了两行', safe: false }],
      output: lines(YUNNAN, ['', '（三）改革开放持续深化、互促共进。'], YUNNAN_AFTER),
    },
    {
      text: SPLIT_AFTER_TEXT,
      errors: [{ line: 5, column: 17, endColumn: 3, message: '被拆在了两行', safe: false }],
      output: lines(YUNNAN.slice(0, 4), ['非烟非能工业增加值增长8.1%。', '（三）改革开放持续深化、互促共进。'], YUNNAN_AFTER),
    },
    {
      text: UNPAIRED,
      errors: [{ line: 6, column: 1, endColumn: 3, message: '（二）与（四）之间的（三）缺少前括号', safe: false }],
      output: lines(YUNNAN, ['（三）改革开放持续深化、互促共进。'], YUNNAN_AFTER),
    },
    {
      // Not a contents list (each point has its text): the glued 10 is the missing heading.
      text: lines(
        ['一、2025年工作回顾'],
        CONTENTS.slice(6).map((c) => `${c}。正文。`),
        ['10企业发展活力持续增强。新增经营主体11万多户。', '11.安全生产形势总体平稳。正文。'],
      ),
      errors: [{ line: 5, column: 1, endColumn: 3, message: '9.与11.之间的10.缺少序号后的点号', safe: false }],
      output: lines(
        ['一、2025年工作回顾'],
        CONTENTS.slice(6).map((c) => `${c}。正文。`),
        ['10.企业发展活力持续增强。新增经营主体11万多户。', '11.安全生产形势总体平稳。正文。'],
      ),
    },
    {
      // （三） run into the paragraph after a ； (no heading starts there): renumbering （四）… is only a suggestion.
      text: lines(YUNNAN.slice(0, 4), ['非烟非能工业增加值增长8.1%；（三）改革开放持续深化、互促共进。'], YUNNAN_AFTER),
      errors: [{ line: 7, column: 1, endColumn: 4, message: '附近有断开、残缺或写进段落的编号', safe: false }],
    },
    {
      // 三改革开放 in a level-1 gap may be 三、 glued to its title (or a word: 三农): renumbering 四、 is a suggestion.
      text: '某县2025年政府工作报告\n一、经济运行稳中有进\n正文。\n二、产业发展提质增效\n正文。\n三改革开放持续深化\n正文。\n四、城乡发展齐头并进\n正文。\n五、民生福祉不断增进\n正文。',
      errors: [{ line: 8, column: 1, endColumn: 3, message: '附近有', safe: false }],
    },
    {
      // A split （三） after （四）: renumbering （四）（五） to （三）（四） would make two （三） once it is mended.
      text: '一、2025年工作回顾\n（一）甲。正文。\n（二）乙。正文。\n（四）丁。正文。（\n三）丙。正文。\n（五）戊。正文。',
      errors: [{ line: 4, column: 1, endColumn: 4, message: '附近有', safe: false }],
    },
  ],
});

testRule('numbering-start', {
  valid: [],
  invalid: [
    {
      // The first section's marker is split: （二） is no wrong start.
      text: '一、2025年工作回顾\n过去一年，全省上下团结奋斗。（\n一）经济运行顶住压力、稳中有进。\n（二）产业发展提质增效、转型加快。\n（三）改革开放持续深化、互促共进。',
      errors: [{ line: 2, column: 15, endColumn: 3, message: '（二）之前的（一）被拆在了两行', safe: false }],
      output:
        '一、2025年工作回顾\n过去一年，全省上下团结奋斗。\n（一）经济运行顶住压力、稳中有进。\n（二）产业发展提质增效、转型加快。\n（三）改革开放持续深化、互促共进。',
    },
  ],
});

describe('numbering-sequence on a split marker: message, range and fix exactly', () => {
  it('names the split marker in Chinese and English, over both lines', () => {
    const [p] = problemsOf('numbering-sequence', SPLIT);
    assert.equal(SPLIT.slice(p.start, p.end), '（\n三）');
    assert.equal(
      p.message,
      '编号残缺：（二）与（四）之间的（三）被拆在了两行（行末的括号与下一行的序号），补全即可，其后的编号不必改（GB/T 9704-2012 第7.3.3条）',
    );
    assert.equal(
      p.messageEn,
      'Broken marker: the （三） between （二） and （四） is split over two lines (the bracket ends one line, the number begins the next); mend it, the numbers after it are right (GB/T 9704-2012 §7.3.3)',
    );
    const open = SPLIT.indexOf('（\n三）');
    assert.deepEqual(p.fix, {
      safe: false,
      edits: [
        { start: open, end: open + 1, text: '' },
        { start: open + 2, end: open + 2, text: '（' },
      ],
      title: '补全编号（三）',
      titleEn: 'Mend the marker （三）',
    });
  });

  it('--fix leaves the split marker and the numbers after it alone (it renumbered （四）…（七） to （三）…（六）)', () => {
    assert.equal(fixAll(SPLIT, { only: ['numbering-sequence', 'numbering-start', 'numbering-mode', 'numbering-style'] }).output, SPLIT);
  });

  it('a plain gap with nothing broken nearby is still renumbered safely', () => {
    const text = lines(YUNNAN, ['（四）城乡发展齐头并进、更趋协调。', '正文。', '（五）生态环境持续改善、稳中向好。']);
    const [p] = problemsOf('numbering-sequence', text);
    assert.equal(text.slice(p.start, p.end), '（四）');
    assert.equal(p.fix?.safe, true);
  });

  it('the heading run into the paragraph after 。 (……成效。（三）改革开放……) gets no safe renumbering', () => {
    const text = lines(YUNNAN.slice(0, 4), ['非烟非能工业增加值增长8.1%，取得明显成效。（三）改革开放持续深化、互促共进。完成机构改革任务。'], YUNNAN_AFTER);
    assert.deepEqual(
      lint(text, { only: ['numbering-sequence'] }).filter((p) => p.fix?.safe),
      [],
    );
    assertNoDuplicateNumbers(parse(fixAll(text).output));
  });
});

/** No two headings with one number at one level under one parent, in any document of the model. */
function assertNoDuplicateNumbers(model: DocumentModel): void {
  for (const doc of model.documents) {
    const seen = new Set<string>();
    for (const node of doc.nodes) {
      if (node.heading.number === null || doc.kind === 'toc') continue;
      const key = `${doc.nodes.indexOf(node.parent!)}:${node.heading.level}:${node.heading.number}`;
      assert.ok(!seen.has(key), `two ${node.heading.marker} under one parent at line ${node.heading.line + 1}`);
      seen.add(key);
    }
  }
}

describe('property: a marker broken over a line never ends up twice after the safe fixes', () => {
  const TITLES = [
    '强化组织领导',
    '完善工作机制',
    '加强督促检查',
    '深化改革开放',
    '增进民生福祉',
    '推进乡村振兴',
    '筑牢安全底线',
    '加强政府建设',
    '优化营商环境',
  ];
  /** Level 2 （n）, level 3 n. or level 4 （n） markers, full or half width. */
  const marker = (level: 2 | 3 | 4, n: number, half: boolean) => {
    const numeral = level === 2 ? '一二三四五六七八九'[n - 1] : String(n);
    return level === 3 ? `${n}.` : half ? `(${numeral})` : `（${numeral}）`;
  };
  const BREAKS = ['split-alone', 'split-after-text', 'unpaired', 'glued', 'run-in-stop', 'run-in-semicolon'] as const;

  /** A report with `count` sections at `level`, the `broken`-th (1-based, not the first or last) broken by `kind`. */
  function report(level: 2 | 3 | 4, count: number, broken: number, kind: (typeof BREAKS)[number], half: boolean, eol: string): string {
    const out = ['某县2025年政府工作报告', '一、2025年工作回顾'];
    for (let n = 1; n <= count; n++) {
      const m = marker(level, n, half);
      const title = `${TITLES[n - 1]}。全年完成投资${n * 10}亿元。`;
      if (n !== broken) {
        out.push(`${m}${title}`, `\u3000\u3000全县上下团结奋斗，第${n}项工作取得新进展。`);
        continue;
      }
      const open = m.slice(0, 1);
      const rest = m.slice(1);
      if (kind === 'split-alone' && level !== 3) out.push(open, `${rest}${title}`);
      else if (kind === 'split-after-text' && level !== 3) {
        out[out.length - 1] += open;
        out.push(`${rest}${title}`);
      } else if (kind === 'unpaired' && level !== 3) out.push(`${rest}${title}`);
      else if (kind === 'glued' && level === 3) out.push(`${n}${title}`);
      else if (kind === 'run-in-stop') out[out.length - 1] += `${m}${title}`;
      else if (kind === 'run-in-semicolon') out[out.length - 1] = out[out.length - 1].replace(/。$/, '；') + `${m}${title}`;
      else out.push(`${m}${title}`);
      out.push(`\u3000\u3000全县上下团结奋斗，第${n}项工作取得新进展。`);
    }
    out.push('二、2026年工作安排', `${marker(level, 1, half)}坚定不移扩大内需。`);
    return out.join(eol);
  }

  /** What a reader makes of the broken marker: the split joined, the bracket or point added, the run-in heading on its own line. */
  function mendByHand(text: string): string {
    return text
      .replace(/([（(])(\r?\n)([一二三四五六七八九]+[）)]|\d+[）)])/g, '$2$1$3')
      .replace(/^([一二三四五六七八九]+|\d+)([）)])/gm, (_, n: string, close: string) => `${close === ')' ? '(' : '（'}${n}${close}`)
      .replace(/^(\d+)(?=[\u4e00-\u9fff])/gm, '$1.')
      .replace(/([。；;])([（(](?:[一二三四五六七八九]+|\d+)[）)]|\d+\.)/g, '$1\n$2');
  }

  it('holds for levels 2 to 4, every kind of break, both widths and line endings (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2 as const, 3 as const, 4 as const),
        fc.integer({ min: 4, max: 9 }),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom(...BREAKS),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        (level, count, at, kind, half, eol) => {
          const broken = Math.min(at, count - 1);
          const text = report(level, count, broken, kind, half, eol);
          const fixed = fixAll(text).output;
          assertNoDuplicateNumbers(parse(fixed));
          // The broken marker counts as the reader sees it: mended, the run is numbered once each, 1 to count.
          const mended = parse(mendByHand(fixed));
          assertNoDuplicateNumbers(mended);
          const numbers = mended.documents[0].nodes.filter((n) => n.heading.level === level && n.parent?.heading.number === 1).map((n) => n.heading.number);
          assert.deepEqual(
            numbers,
            Array.from({ length: count }, (_, i) => i + 1),
            mendByHand(fixed),
          );
          // The rule's own mending suggestion, where it makes one, does the same.
          const mend = lint(fixed, { only: ['numbering-sequence'] }).find((p) => p.message.startsWith('编号残缺'));
          if (mend) assert.equal(applyEdits(fixed, mend.fix!.edits).output.replace(/^\s*$\r?\n/m, ''), mendByHand(fixed).replace(/^\s*$\r?\n/m, ''));
        },
      ),
      { numRuns: 300 },
    );
  });
});
