/**
 * The annotating writer: each problem a Word comment (批注) anchored on its characters. Checked on the XML it writes
 * (anchored text read back with saxes, independently of the reader), against the reader (the displayed text does
 * not change), and by LibreOffice, which converts the copy to flat ODF: one annotation per problem, its author and
 * its anchored text. The LibreOffice part is skipped without `soffice`, except on CI, where it fails.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { annotateDocx, DEFAULT_AUTHOR, docxToText, readDocx, type DocxProblem } from '../../src/docx';
import { buildDocx, FIXTURE_DIR, p } from '../../scripts/make-docx-fixtures';
import { odfAnnotations } from './odf-annotations';

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURE_DIR, name));
const DATE = new Date(Date.UTC(2024, 4, 1, 8, 0, 0));
const annotate = (bytes: Uint8Array, problems: DocxProblem[]) => annotateDocx(bytes, problems, DEFAULT_AUTHOR, { date: DATE });
const parts = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
const problem = (paragraph: number, startColumn: number, endColumn: number, message: string): DocxProblem => ({ paragraph, startColumn, endColumn, message });

/** The text each comment of a document.xml is anchored on, by id: `w:t`, `w:tab` and `w:br` between its range marks. */
function anchoredText(documentXml: string): Map<number, string> {
  const open = new Map<number, string>();
  const done = new Map<number, string>();
  const parser = new SaxesParser();
  let inText = false;
  parser.on('opentag', (tag) => {
    const id = Number(tag.attributes['w:id']);
    if (tag.name === 'w:commentRangeStart') open.set(id, '');
    else if (tag.name === 'w:commentRangeEnd') {
      done.set(id, open.get(id) ?? '');
      open.delete(id);
    } else if (tag.name === 'w:t') inText = true;
    else if (tag.name === 'w:tab' || tag.name === 'w:br') for (const [k, v] of open) open.set(k, v + (tag.name === 'w:tab' ? '\t' : '\n'));
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
  });
  parser.on('text', (t) => {
    if (inText) for (const [k, v] of open) open.set(k, v + t);
  });
  parser.write(documentXml).close();
  return done;
}

/** The comments of a comments.xml: id, author, date, initials and text. */
function commentsOf(commentsXml: string): Array<{ id: number; author: string; date: string; initials: string; text: string }> {
  const out: Array<{ id: number; author: string; date: string; initials: string; text: string }> = [];
  const parser = new SaxesParser();
  let inText = false;
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:comment') {
      const a = tag.attributes as Record<string, string>;
      out.push({ id: Number(a['w:id']), author: a['w:author'], date: a['w:date'], initials: a['w:initials'], text: '' });
    } else if (tag.name === 'w:p' && out.length && out[out.length - 1].text) out[out.length - 1].text += '\n';
    else if (tag.name === 'w:t') inText = true;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
  });
  parser.on('text', (t) => {
    if (inText) out[out.length - 1].text += t;
  });
  parser.write(commentsXml).close();
  return out;
}

const WITH_COMMENT_PROBLEMS = [
  problem(1, 0, 0, '编号问题（在自动编号上）'),
  problem(3, 2, 4, '占位符“XX”'),
  problem(3, 6, 9, '跨两个文字块'),
  problem(3, 9, 11, '多余空格'),
  problem(2, 0, 8, '整段\n第二行'),
];

describe('docx annotate: comments anchored on the characters', () => {
  const original = fixture('with-comment.docx');
  const before = Buffer.from(original);
  const copy = annotate(original, WITH_COMMENT_PROBLEMS);
  const out = parts(copy);

  it('never writes to the input bytes', () => {
    assert.ok(before.equals(original));
  });

  it('anchors each comment on its characters, splitting runs (with their properties) at the columns', () => {
    const anchored = anchoredText(out['word/document.xml']);
    assert.deepEqual(
      [...anchored].sort((a, b) => a[0] - b[0]),
      [
        [3, '已有批注的段落。'],
        [4, ''],
        [5, 'XX'],
        [6, '，推动'],
        [7, '  '],
        [8, '已有批注的段落。'],
      ],
    );
    const third = /<w:p><w:r><w:rPr><w:b\/>.*?<\/w:p>/.exec(out['word/document.xml'])![0];
    assert.equal(
      third,
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">加强</w:t></w:r><w:commentRangeStart w:id="5"/>' +
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">XX</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r>' +
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">建设</w:t></w:r><w:commentRangeStart w:id="6"/>' +
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">，</w:t></w:r><w:r><w:t xml:space="preserve">推动</w:t></w:r><w:commentRangeEnd w:id="6"/><w:r><w:commentReference w:id="6"/></w:r>' +
        '<w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve">  </w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>' +
        '<w:r><w:t xml:space="preserve">工作落实。</w:t></w:r></w:p>',
    );
  });

  it('anchors a problem on an automatic label at the start of its paragraph', () => {
    assert.match(
      out['word/document.xml'],
      /<w:numId w:val="1"\/><\/w:numPr><\/w:pPr><w:commentRangeStart w:id="4"\/><w:commentRangeEnd w:id="4"\/><w:r><w:commentReference w:id="4"\/><\/w:r><w:r><w:t/,
    );
  });

  it('keeps the existing comments and adds one per problem, by 公文写作助手, dated, with initials', () => {
    assert.deepEqual(commentsOf(out['word/comments.xml']), [
      { id: 3, author: '审稿人', date: '2024-01-01T00:00:00Z', initials: '审', text: '原有的批注' },
      { id: 4, author: '公文写作助手', date: '2024-05-01T08:00:00Z', initials: '公文', text: '编号问题（在自动编号上）' },
      { id: 5, author: '公文写作助手', date: '2024-05-01T08:00:00Z', initials: '公文', text: '占位符“XX”' },
      { id: 6, author: '公文写作助手', date: '2024-05-01T08:00:00Z', initials: '公文', text: '跨两个文字块' },
      { id: 7, author: '公文写作助手', date: '2024-05-01T08:00:00Z', initials: '公文', text: '多余空格' },
      { id: 8, author: '公文写作助手', date: '2024-05-01T08:00:00Z', initials: '公文', text: '整段\n第二行' },
    ]);
  });

  it('changes no displayed character: the copy reads as the original', () => {
    assert.deepEqual(readDocx(copy), readDocx(original));
  });

  it('copies every other part unchanged, in order', () => {
    const originalParts = parts(original);
    assert.deepEqual(Object.keys(out), Object.keys(originalParts));
    for (const name of ['word/styles.xml', 'word/numbering.xml', '_rels/.rels', 'word/_rels/document.xml.rels', '[Content_Types].xml']) {
      assert.equal(out[name], originalParts[name], name);
    }
  });
});

describe('docx annotate: a document without comments', () => {
  const original = fixture('levels.docx');
  const out = parts(annotate(original, [problem(2, 0, 4, '标题')]));

  it('adds the comments part, its content type and its relationship', () => {
    assert.deepEqual(Object.keys(out), [...Object.keys(parts(original)), 'word/comments.xml']);
    assert.match(
      out['[Content_Types].xml'],
      /<Override PartName="\/word\/comments\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml"\/><\/Types>$/,
    );
    assert.match(
      out['word/_rels/document.xml.rels'],
      /<Relationship Id="rId3" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"\/><\/Relationships>$/,
    );
    assert.deepEqual(
      commentsOf(out['word/comments.xml']).map((c) => [c.id, c.text]),
      [[0, '标题']],
    );
    assert.deepEqual([...anchoredText(out['word/document.xml'])], [[0, '总体要求']]);
  });
});

describe('docx annotate: where the characters are', () => {
  const original = fixture('text.docx');
  const problems = [
    problem(3, 2, 3, '域结果'),
    problem(4, 2, 6, '修订与链接'),
    problem(4, 8, 10, '未保留两端空格的文字'),
    problem(2, 2, 5, '换行两侧'),
    problem(11, 0, 3, '样式分隔符之后'),
    problem(12, 0, 5, '空段落'),
    problem(13, 2, 99, '越过段尾'),
    problem(13, 4, 4, '段尾'),
    problem(5, 1, 3, '表格中'),
  ];
  const copy = annotate(original, problems);
  const out = parts(copy);
  const anchored = anchoredText(out['word/document.xml']);

  it('anchors inside field results, insertions, links, trimmed text, line breaks, tables; clamps at the paragraph end', () => {
    assert.deepEqual(
      problems.map((_, i) => anchored.get(i)),
      ['7', '新增链接', '两端', '行\n第', '各地区', '', '任务', '', '元格'],
    );
  });

  it('reads as the original', () => {
    assert.deepEqual(readDocx(copy), readDocx(original));
  });

  it('anchors an empty paragraph inside it, and a self-closing one opened up', () => {
    assert.match(
      out['word/document.xml'],
      /<w:p><w:commentRangeStart w:id="5"\/><w:commentRangeEnd w:id="5"\/><w:r><w:commentReference w:id="5"\/><\/w:r><\/w:p>/,
    );
  });

  it('puts marks around an mc:AlternateContent, never into one alternative', () => {
    const docx = buildDocx({
      body:
        '<w:p><w:r><w:t>前</w:t></w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:r><w:t>新</w:t></w:r></mc:Choice>' +
        '<mc:Fallback><w:r><w:t>旧字</w:t></w:r></mc:Fallback></mc:AlternateContent><w:r><w:t>后</w:t></w:r></w:p>',
    });
    const xml = parts(annotate(docx, [problem(1, 2, 3, '在替换内容中')]))['word/document.xml'];
    assert.match(
      xml,
      /<w:commentRangeStart w:id="0"\/><mc:AlternateContent .*<\/mc:AlternateContent><w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r><w:r><w:t>后/,
    );
  });

  it('anchors what the text map gives for a problem of the extracted text', () => {
    const map = docxToText(readDocx(original));
    const start = map.text.indexOf('链接');
    const range = map.paragraphRange(start, start + 2);
    const xml = parts(annotate(original, [{ ...range, message: '链接' }]))['word/document.xml'];
    assert.deepEqual([...anchoredText(xml)], [[0, '链接']]);
  });

  it('keeps a carriage return written as &#13; in a run it splits: the copy reads as the original', () => {
    const docx = buildDocx({ body: '<w:p><w:r><w:t xml:space="preserve">全年完成&#13;&#10;投资XX亿元</w:t></w:r></w:p>' });
    const copy = annotate(docx, [problem(1, 8, 10, '占位符')]);
    assert.equal(readDocx(copy).paragraphs[0].text, '全年完成\r\n投资XX亿元');
    assert.deepEqual(readDocx(copy), readDocx(docx));
  });

  it('refuses a paragraph the document does not have', () => {
    assert.throws(() => annotate(original, [problem(99, 0, 1, 'x')]), /paragraph 99 does not exist \(the document has 13\)/);
  });

  it('writes the comments in the document prefix where it is not w:', () => {
    const docx = buildDocx({
      body: '<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>别的前缀</x:t></x:r></x:p>' + p('二'),
    });
    const xml = parts(annotate(docx, [problem(1, 0, 2, '前缀')]))['word/document.xml'];
    assert.match(
      xml,
      /<x:commentRangeStart x:id="0"\/><x:r><x:t xml:space="preserve">别的<\/x:t><\/x:r><x:commentRangeEnd x:id="0"\/><x:r><x:commentReference x:id="0"\/><\/x:r>/,
    );
  });
});

describe('docx annotate: as LibreOffice reads the copy', function () {
  this.timeout(180_000);
  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const SOFFICE = ['soffice', 'libreoffice'].find(has);
  let tmp: string;
  let fodt: Record<string, string>;

  before(function () {
    if (!SOFFICE) {
      if (process.env.CI) throw new Error('the annotation test needs LibreOffice on CI: apt-get install libreoffice-writer-nogui');
      console.log('      (skipped: LibreOffice not installed; apt-get install libreoffice-writer-nogui)');
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-docx-annotate-'));
    fs.writeFileSync(path.join(tmp, 'with-comment.docx'), annotate(fixture('with-comment.docx'), WITH_COMMENT_PROBLEMS));
    fs.writeFileSync(path.join(tmp, 'levels.docx'), annotate(fixture('levels.docx'), [problem(2, 0, 0, '一级标题编号'), problem(4, 2, 4, '稳中')]));
    const args = [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', path.join(tmp, 'out')];
    const r = spawnSync(SOFFICE, [...args, path.join(tmp, 'with-comment.docx'), path.join(tmp, 'levels.docx')], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(r.status, 0, r.stderr);
    fodt = {
      'with-comment': fs.readFileSync(path.join(tmp, 'out', 'with-comment.fodt'), 'utf8'),
      levels: fs.readFileSync(path.join(tmp, 'out', 'levels.fodt'), 'utf8'),
    };
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('opens the copy with one comment per problem, by its author, on its characters; the old comment kept', () => {
    assert.deepEqual(odfAnnotations(fodt['with-comment']), [
      { creator: '公文写作助手', text: '编号问题（在自动编号上）', anchored: '' },
      { creator: '审稿人', text: '原有的批注', anchored: '已有批注的段落。' },
      { creator: '公文写作助手', text: '整段\n第二行', anchored: '已有批注的段落。' },
      { creator: '公文写作助手', text: '占位符“XX”', anchored: 'XX' },
      { creator: '公文写作助手', text: '跨两个文字块', anchored: '，推动' },
      { creator: '公文写作助手', text: '多余空格', anchored: '  ' },
    ]);
  });

  it('opens a copy that had no comments part, its numbering intact', () => {
    assert.deepEqual(odfAnnotations(fodt.levels), [
      { creator: '公文写作助手', text: '一级标题编号', anchored: '' },
      { creator: '公文写作助手', text: '稳中', anchored: '稳中' },
    ]);
    assert.match(fodt.levels, /<text:list /);
  });
});
