import assert from 'node:assert/strict';
import { fixAll, lint } from '../../src/core';

/**
 * What --fix and fix-all on save do (every rule's safe fixes, applied and re-linted until nothing changes) to the lines
 * of a real web copy or PDF that carry structure: page metadata, a table of contents, bylines and signatures. Before,
 * spacing deleted their spaces and date-format rewrote their dates, so `2026-02-03 09:02:33` became
 * `2026年2月3日09:02:33` and `省长\u3000王予波` became `省长王予波`.
 */
const METADATA = [
  '来源：XX市人民政府　时间：2026-02-10',
  '发布日期：2026-02-10　浏览次数：123',
  '发布时间：2026-02-10 10:30',
  '2026-02-03 09:02:33',
  '【字号：大 中 小】',
  '打印 全屏 收藏',
];
const TOC = [
  '目　录',
  '一、2025年工作总结 3',
  '（一）经济运行稳中有进 3',
  '（二）下一步工作计划 12',
  '二、2026年工作安排 15',
  '第一章 总则……1',
  '第一部分 总体要求 2',
];
const BYLINES = [
  '甘肃省人民政府工作报告',
  '——2025年1月14日在甘肃省第十四届人民代表大会第三次会议上',
  '省长　王予波',
  '甘肃日报记者 盛学卿',
  '记者 张三 李四',
  '——2025年1月15日在XX市第十七届人民代表大会第四次会议上　市长　张某',
  '2026年2月3日 09:02',
];

describe('fix-all leaves structure alone', () => {
  for (const [name, block] of [
    ['web metadata', METADATA],
    ['a table of contents', TOC],
    ['bylines and signatures', BYLINES],
  ] as const) {
    it(`${name}: unchanged by every safe fix, repeated`, () => {
      const text = block.join('\n');
      assert.equal(fixAll(text).output, text);
      assert.deepEqual(
        lint(text)
          .filter((p) => p.fix?.safe)
          .map((p) => `${p.ruleId} ${JSON.stringify(text.slice(p.start, p.end))}`),
        [],
      );
    });
  }

  it('all three in one web copy: only the stray spaces and dates of the body change', () => {
    const head = [...METADATA, ...BYLINES.slice(0, 3), ...TOC].join('\n');
    const body = '一、2025年工作总结\n全市 各级医疗机构全面落实，2025-03-05完成部署。';
    const fixed = '一、2025年工作总结\n全市各级医疗机构全面落实，2025年3月5日完成部署。';
    assert.equal(fixAll(`${head}\n${body}`).output, `${head}\n${fixed}`);
  });
});
