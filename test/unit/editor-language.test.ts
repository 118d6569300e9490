import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cjkShare, isChineseText, messageLanguage } from '../../src/core/text/language';

const workspace = (f: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'workspace', f), 'utf8');
const REPORT = '一、总体要求\n（一）加强领导。\n';
const ENGLISH = '# README\n\nRun npm install, then npm test.\n';

describe('messageLanguage (gongwen.messageLanguage)', () => {
  it('auto: Chinese in a Chinese document, whatever the display language', () => {
    assert.equal(messageLanguage('auto', 'en', REPORT), 'zh');
    assert.equal(messageLanguage('auto', 'de', REPORT), 'zh');
    assert.equal(messageLanguage('auto', 'zh-cn', REPORT), 'zh');
    assert.equal(messageLanguage('auto', 'en', workspace('work-plan.md')), 'zh');
    assert.equal(messageLanguage('auto', 'en', workspace('report-002.txt')), 'zh');
  });

  it('auto: the display language for a document that is not Chinese', () => {
    assert.equal(messageLanguage('auto', 'en', ENGLISH), 'en');
    assert.equal(messageLanguage('auto', 'en-US', ENGLISH), 'en');
    assert.equal(messageLanguage('auto', 'zh-cn', ENGLISH), 'zh');
    assert.equal(messageLanguage('auto', 'zh-TW', ENGLISH), 'zh');
    assert.equal(messageLanguage('auto', 'fr', ENGLISH), 'en');
    assert.equal(messageLanguage('auto', 'en', ''), 'en');
    assert.equal(messageLanguage('auto', 'zh-cn', ''), 'zh');
    assert.equal(messageLanguage('auto', 'en', '{\n  "numbering": { "style": "gb" }\n}\n'), 'en');
  });

  it('zh-cn (or zh) and en force one language, and then never read the text', () => {
    const unread = () => assert.fail('the text was read');
    assert.equal(messageLanguage('en', 'zh-cn', unread), 'en');
    assert.equal(messageLanguage('zh-cn', 'en', unread), 'zh');
    assert.equal(messageLanguage('zh', 'en', unread), 'zh');
    assert.equal(messageLanguage('EN', 'zh-cn', unread), 'en');
  });

  it('treats a missing or unknown setting as auto, and reads a lazy text once', () => {
    let reads = 0;
    assert.equal(
      messageLanguage(undefined, 'en', () => (reads++, REPORT)),
      'zh',
    );
    assert.equal(reads, 1);
    assert.equal(messageLanguage('ja', 'en', ENGLISH), 'en');
    assert.equal(messageLanguage('', 'zh-cn', ENGLISH), 'zh');
  });
});

describe('cjkShare and isChineseText', () => {
  it('counts Han characters, CJK punctuation and full-width forms among the non-space characters', () => {
    assert.equal(cjkShare('中文'), 1);
    assert.equal(cjkShare('中a'), 0.5);
    assert.equal(cjkShare('，。（）'), 1); // U+FF0C, U+3002, U+FF08, U+FF09
    assert.equal(cjkShare('ＡＢab'), 0.5); // full-width letters count
    assert.equal(cjkShare('中 \t\n\u3000a'), 0.5); // spaces, tabs, newlines and U+3000 are not counted
    assert.equal(cjkShare(''), 0);
    assert.equal(cjkShare(' \n\u3000'), 0);
  });

  it('is Chinese from 30% CJK: 3 of 10 is, 2 of 10 is not', () => {
    assert.equal(isChineseText('中文字abcdefg'), true);
    assert.equal(isChineseText('中文abcdefgh'), false);
    assert.equal(isChineseText('# 工作计划\n\nSee https://example.gov.cn/a/b/c.html'), false);
    assert.equal(isChineseText('# 工作计划\n\n详见办法 https://a.cn/'), true); // 8 of 18
  });

  it('looks at the first 64 KB only', () => {
    const english = 'a'.repeat(64 * 1024);
    assert.equal(isChineseText(english + '中'.repeat(100000)), false);
    assert.equal(isChineseText('中'.repeat(64 * 1024) + 'a'.repeat(500000)), true);
    assert.equal(cjkShare('中'.repeat(16 * 1024) + 'a'.repeat(48 * 1024) + '中'.repeat(1000)), 0.25);
  });
});
