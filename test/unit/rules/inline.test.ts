import assert from 'node:assert/strict';
import { problemsOf, testRule } from '../rule-tester';

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
    // A web copy indented with no-break spaces: each paragraph's ordinal still starts it.
    '\u00a0\u00a0一是加强组织领导，各单位要高度重视。\n\n\u00a0\u00a0二是强化督促检查，确保落实到位。',
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

// Real report text (2026 云南省政府工作报告; 2015 and 1990s national reports; 2020 盐田区政府工作报告).
const YUNNAN_FIGURES =
  '各位代表！刚刚过去的2025年，是云南发展历程中具有重要里程碑意义的一年。完成地区生产总值32765亿元、增长4.1%，规模以上工业增加值增长4.5%，第一、第三产业增加值分别增长3.1%、5.1%，社会消费品零售总额增长2.4%。';
const YANTIAN_TWO = '　　二是在“危”与“机”的转换中保持战略定力。“危”“机”历来相伴而生，克服“危”就是“机”，错失“机”即是“危”。';
const YANTIAN_THREE = '三是在“均”与“优”的平衡中增进民生福祉。“均”是普惠民生，“优”是质量民生。';

describe('inline-sequence on real report paragraphs', () => {
  testRule('inline-sequence', {
    valid: [
      // 第一、第三 qualify 产业增加值: the primary and tertiary industries, no enumeration (it was: 只有“第一”).
      `一、2025年工作回顾\n${YUNNAN_FIGURES}`,
      '一、工作回顾\n第一、第二批项目全部开工，第二、第三季度增速回升，第一、第二和第三产业协调发展。',
      // 一是 explained over a paragraph without ordinals, then 二是: one enumeration (it was: 只有“一是”).
      '一、过去一年工作回顾\n过去一年，困难和挑战比预想的大。我们迎难而上，主要做了以下工作。\n' +
        '一是在区间调控基础上实施定向调控，保持经济稳定增长。面对经济下行压力加大态势，我们保持战略定力。\n' +
        '有效实施积极的财政政策和稳健的货币政策。实行定向减税和普遍性降费。\n' +
        '二是深化改革开放，激发经济社会发展活力。针对束缚发展的体制机制障碍，我们通过全面深化改革，以释放市场活力。',
      // 首先 stands for 一是, alone or before a run (it was: 列举从“二是”开始).
      '二、农业\n为了保证农业稳定增长，必须坚持农村各项基本政策，继续深化农村改革。首先要增加对农业的投入。农业投入不得挪作他用。二是保护和合理使用耕地，稳定粮棉播种面积。',
      '二、农业\n为了保证农业稳定增长，必须继续深化农村改革。首先要增加对农业的投入。二是保护和合理使用耕地，坚决制止撂荒和乱占耕地的现象。三是依靠科技进步振兴农业。',
      // 第二， that begins a paragraph carries the previous paragraph's 第一， on.
      '（一）坚持稳中求进。\n第一，稳住经济基本盘。全年新增就业52万人。\n第二，守住民生底线。城乡低保标准提高5%。',
      // Inside a clause: 初二是, 独一无二是 are no ordinals.
      '（二）文旅融合。正月初二是客流高峰，这份独一无二是我们的优势。',
    ],
    invalid: [
      {
        // 二是…三是… with no 一是 anywhere before (already flagged before this change).
        text: `（二）在“危”与“机”的转换中保持战略定力。\n${YANTIAN_TWO}${YANTIAN_THREE}`,
        errors: [{ line: 2, column: 3, endColumn: 5, message: '列举从“二是”开始，前面没有“一是”' }],
      },
      {
        // A lone 二是: the paragraph lost its 一是 (it was not flagged).
        text: `（三）改革开放持续深化、互促共进。\n${YANTIAN_TWO}`,
        errors: [{ line: 2, column: 3, endColumn: 5, message: '列举从“二是”开始，前面没有“一是”' }],
      },
      {
        // The 一是 of the section before does not count: a heading ends the enumeration.
        text: '（一）加强组织领导。一是成立工作专班。\n（二）完善工作机制。\n　　二是建立台账管理制度，每月通报一次。',
        errors: [
          { line: 1, column: 11, endColumn: 13, message: '没有“二是”' },
          { line: 3, column: 3, endColumn: 5, message: '前面没有“一是”' },
        ],
      },
      {
        // A lone 第三， at a clause start, first of its section.
        text: '（四）强化保障。\n第三，加大财政投入，统筹资金2.3亿元。',
        errors: [{ line: 2, column: 1, endColumn: 3, message: '列举从“第三”开始，前面没有“第一”' }],
      },
      {
        // 第一、 before a title is still an item: only 第一、第三 + a noun is a list of ordinals.
        text: '第一、加强组织领导；第三、完善工作机制。',
        errors: [{ line: 1, column: 11, endColumn: 13, message: '跳号', safe: false }],
        output: '第一、加强组织领导；第二、完善工作机制。',
      },
    ],
  });

  it('says exactly what is missing, in Chinese and English', () => {
    const [p] = problemsOf('inline-sequence', `（三）改革开放持续深化、互促共进。\n${YANTIAN_TWO}`);
    assert.equal(p.message, '列举从“二是”开始，前面没有“一是”（写作惯例）');
    assert.equal(p.messageEn, 'The enumeration starts at "二是" with no "一是" before it (drafting convention)');
    assert.equal(p.fix, undefined);
  });
});

testRule('heading-title-stop', {
  valid: [
    '一、甲\n1.加强领导。正文。\n2.完善机制。正文。\n3.强化保障。正文。\n4.提升能力。正文。',
    // Too few peers to judge.
    '1.加强领导。正文。\n2.提升基层中医药服务能力加强区中医医院两专科一中心建设组建区中医医院为龙头的区级中医医共体。正文',
    // 2018年国务院政府工作报告: the review's （一）… run to 30–42 characters, the tasks' （一）… to 10; each is judged
    // against its own siblings, not the document's pool.
    [
      '一、过去五年工作回顾',
      '（一）坚持稳中求进工作总基调，着力创新和完善宏观调控，经济运行保持在合理区间、实现稳中向好。这些年，世界经济复苏乏力。',
      '（二）坚持以供给侧结构性改革为主线，着力培育壮大新动能，经济结构加快优化升级。紧紧依靠改革破解经济发展和结构失衡难题。',
      '（三）坚持创新引领发展，着力激发社会创造力，整体创新能力和效率显著提高。实施创新驱动发展战略。',
      '（四）坚持全面深化改革，着力破除体制机制弊端，发展动力不断增强。国资国企改革扎实推进。',
      '二、今年工作建议',
      '（一）加大精准脱贫力度。正文。',
      '（二）扎实推进军民融合。正文。',
      '（三）推动形成全面开放新格局。正文。',
      '（四）提高保障和改善民生水平。正文。',
    ].join('\n'),
    // 宝安区 2021: a long title on its own line, and `①` items that are sentences, are not judged.
    [
      '一、“十三五”和2020年工作回顾',
      '二、“十四五”目标任务',
      '三、永葆“闯”的精神、“创”的劲头、“干”的作风，全力做好2021年各项工作，在全面建设社会主义现代化国家新征程中开好局、起好步',
      '（一）全力以赴招商引资',
      '① 开展燕罗街道整街统筹试点。正文。',
      '② 探索开展石岩片区规划调整。正文。',
      '③ 开展区域性国资国企综合改革试验和国企空间利用改革试点，推进社区股份合作公司转型发展。制定行动计划。',
      '④ 开展老旧工业园区整治提升。正文。',
      '⑤ 盘活闲散低效用地。正文。',
    ].join('\n'),
    // 罗湖区2017年政府工作报告's 名词解释: a half-width colon ends the term.
    [
      '一、今年工作安排',
      '（一）加快建设。正文。',
      '',
      '名词解释：',
      '1.一河六圈三带：布吉河，蔡屋围、湖贝、东门、笋岗、水贝、人民南六大商圈，大梧桐新兴产业带、红岭创新金融产业带、口岸经济带。',
      '2.二类预防接种疫苗：公民自费并自愿受种的其他疫苗。',
      '3.三名工程：引进和培育名医（名科）、名医院、名诊所。',
      '4.明厨亮灶：通过对餐饮服务单位透明厨房和视频厨房的建设，让消费者参与监督食品安全。',
      '5.两带两线、三区三片:大梧桐新兴产业带、红岭创新金融产业带，布吉河沿线、深南路沿线，湖贝、蔡屋围、笋岗三个重点区域，口岸火车站、深南东、水贝三个重点改造片区。',
    ].join('\n'),
  ],
  invalid: [
    {
      text: '1.加强领导。正文。\n2.完善机制。正文。\n3.强化保障。正文。\n4.提升基层中医药服务能力加强区中医医院两专科一中心建设组建区中医医院为龙头的区级中医医共体逐步纳入。正文',
      errors: [{ line: 4, column: 1, endColumn: 3, message: '漏了句号' }],
    },
  ],
});
