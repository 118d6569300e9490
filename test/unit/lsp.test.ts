// `gongwen lsp --stdio` driven by a real LSP client (the protocol connection of vscode-languageserver's own JSON-RPC
// library) over the child's stdin and stdout, as Neovim, Helix, Zed or Emacs drive it.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import { editsBetween, fixAll, lint, LineIndex, parse, type LintOptions, type Problem, type TextEdit as CoreEdit } from '../../src/core';
import { countsOf } from '../../src/core/structure/counts';
import { combineFixes } from '../../src/core/edits/fix';
import { loadSegmenter } from '../../src/engines/segmenters';
import type { CountsResult, OutlineResult, PlaceholdersResult } from '../../src/server/protocol';
import { quietTime } from '../../src/server/push';
import { TextDocument } from 'vscode-languageserver-textdocument';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'dist', 'cli.js');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

type FullReport = { kind: 'full'; resultId?: string; items: Diagnostic[] };
type Report = FullReport | { kind: 'unchanged'; resultId: string };

/** The newest modification time under a folder. */
function newest(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);
}

/** Builds dist/ when it is missing or older than the sources (the test runs the bundle, as an editor would). */
function ensureBuilt(): void {
  const built = fs.existsSync(BIN) ? fs.statSync(BIN).mtimeMs : 0;
  if (built >= Math.max(newest(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'scripts', 'build.mjs')).mtimeMs)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

/** A client of one server process: requests, notifications seen so far, and the process's exit. */
class Client {
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** The requests the server sent, by method. */
  readonly requests: string[] = [];
  private readonly waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = once(child, 'exit').then(([code]) => code as number | null);
    for (const method of ['textDocument/publishDiagnostics', 'window/logMessage', 'window/showMessage']) {
      connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
        this.waiters.splice(0).forEach((w) => w());
      });
    }
    connection.listen();
  }

  /** Starts a server on these workspace folders; with `settings`, the client answers `workspace/configuration` from it. */
  static async start(folders: string[], settings?: { gongwen: unknown }, pull = true): Promise<{ client: Client; init: InitializeResult }> {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new Client(child, connection);
    connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
      client.saw('workspace/configuration');
      return p.items.map((i) => (i.section === 'gongwen' ? settings?.gongwen : null));
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.saw('workspace/diagnostic/refresh');
      return null;
    });
    const init: InitializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: !!settings, diagnostics: { refreshSupport: !!settings } },
        textDocument: pull ? { diagnostic: { dynamicRegistration: false } } : {},
      },
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      locale: 'en',
    });
    await connection.sendNotification('initialized', {});
    return { client, init };
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  diagnostics(uri: string, previousResultId?: string): Promise<Report> {
    return this.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  saw(request: string): void {
    this.requests.push(request);
    this.waiters.splice(0).forEach((w) => w());
  }

  /** Resolves once the server has sent this request. */
  requested(method: string): Promise<void> {
    return new Promise((resolve) => {
      const look = () => (this.requests.includes(method) ? resolve() : this.waiters.push(look));
      look();
    });
  }

  /** Resolves once a notification that `accept` takes has arrived (those seen before included). */
  notification<P>(method: string, accept: (params: P) => boolean): Promise<P> {
    return new Promise((resolve) => {
      const look = () => {
        const found = this.notifications.find((n) => n.method === method && accept(n.params as P));
        if (found) resolve(found.params as P);
        else this.waiters.push(look);
      };
      look();
    });
  }

  async stop(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.connection.sendNotification('exit');
    return this.exited;
  }
}

const uriOf = (file: string) => pathToFileURL(file).href;
const rangeText = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** A core range (offsets) as rangeText gives an LSP range. */
function offsetsText(lines: LineIndex, start: number, end: number): string {
  const a = lines.position(start);
  const b = lines.position(end);
  return `${a.line}:${a.character}-${b.line}:${b.character}`;
}

/** Core edits as the LSP edits a client receives, for comparison. */
const lspEdits = (text: string, edits: readonly CoreEdit[]) => {
  const lines = new LineIndex(text);
  return edits.map((e) => ({ range: offsetsText(lines, e.start, e.end), newText: e.text }));
};
const editTexts = (edits: TextEdit[]) => edits.map((e) => ({ range: rangeText(e.range), newText: e.newText }));

/** What `gongwen check` lints with by default: its word segmenter included. */
const CHECK_OPTIONS: LintOptions = { format: 'text', segmenter: () => loadSegmenter('auto', [], () => undefined) };

const RUN = '一、总体要求\n（一）甲\n（二）乙\n（四）丙\n（五）丁\n';
const TREE = '工作计划\n\n一、总体要求\n（一）指导思想\n正文甲。\n（二）工作目标\n正文乙。\n二、重点任务\n（一）加强领导\n正文丙。\n';

describe('gongwen lsp --stdio, driven by an LSP client', function () {
  this.timeout(60000);
  let tmp: string;
  let client: Client;
  let init: InitializeResult;
  const write = (name: string, text: string) => {
    const file = path.join(tmp, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  before(async function () {
    this.timeout(120000);
    ensureBuilt();
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-')));
    write('plan.txt', '一、总体要求\n（一）做好XX工作。\n');
    write('notes.md', '# Notes\n\nNothing to see here.\n');
    write('node_modules/pkg/readme.txt', '一、甲\n（一）XX\n');
    write('.git/x.txt', '一、甲\n（一）XX\n');
    ({ client, init } = await Client.start([tmp]));
  });

  after(() => {
    if (client.child.exitCode === null) client.child.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('announces pull diagnostics with workspace diagnostics, code actions, symbols, folding and completion, on incremental sync', () => {
    const c = init.capabilities;
    assert.deepEqual(c.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(c.diagnosticProvider, { identifier: 'gongwen', interFileDependencies: false, workspaceDiagnostics: true });
    assert.deepEqual(c.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.gongwen'] });
    assert.deepEqual(c.documentSymbolProvider, { label: 'gongwen' });
    assert.equal(c.foldingRangeProvider, true);
    assert.deepEqual(c.completionProvider, { triggerCharacters: ['（', '('] });
    assert.equal(init.serverInfo?.name, 'gongwen');
  });

  describe('a corpus report', () => {
    const file = path.join(CORPUS, '002_3cbf79e9d602b8eb.txt');
    const text = fs.readFileSync(file, 'utf8');
    let uri: string;
    let first: FullReport;

    before(async () => {
      uri = uriOf(write('corpus-002.txt', text));
      await client.open(uri, text);
      first = (await client.diagnostics(uri)) as FullReport;
    });

    it('gets the diagnostics lint() gives the same text: rule, exact range, severity and message', () => {
      const lines = new LineIndex(text);
      const expected = lint(text, CHECK_OPTIONS);
      assert.ok(expected.length > 30, `${expected.length} problems`);
      assert.equal(first.kind, 'full');
      const severity = { error: 1, warning: 2, info: 3, hint: 4 };
      assert.deepEqual(
        first.items.map((d) => [d.code, rangeText(d.range), d.severity, d.message]),
        expected.map((p) => [p.ruleId, offsetsText(lines, p.start, p.end), severity[p.severity], p.message]),
      );
      assert.ok(first.items.every((d) => d.source === 'gongwen'));
      assert.match(first.items[0].codeDescription!.href, /\/docs\/rules\/[a-z-]+\.md$/);
    });

    it('answers an unchanged document "unchanged", with the same result id', async () => {
      assert.ok(first.resultId);
      assert.deepEqual(await client.diagnostics(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    });

    it('follows an incremental change: the placeholder typed is diagnosed, the result id moves on', async () => {
      // Line 3 (0-based 2) gets "XX" at its start.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'XX' }],
      });
      const report = (await client.diagnostics(uri, first.resultId)) as FullReport;
      assert.equal(report.kind, 'full');
      assert.notEqual(report.resultId, first.resultId);
      const lines = text.split('\n');
      lines[2] = 'XX' + lines[2];
      const edited = lines.join('\n');
      const index = new LineIndex(edited);
      assert.deepEqual(
        report.items.map((d) => `${d.code} ${rangeText(d.range)}`),
        lint(edited, CHECK_OPTIONS).map((p) => `${p.ruleId} ${offsetsText(index, p.start, p.end)}`),
      );
      assert.ok(report.items.some((d) => d.code === 'placeholder' && rangeText(d.range) === '2:0-2:2'));
    });
  });

  it('keeps the result id while typing moves no diagnostic, so the pull is answered "unchanged"; moves it on when one moves', async () => {
    const uri = uriOf(write('typing.txt', '一、总体要求\n（一）做好XX工作\n（三）乙\n正文段落。\n'));
    await client.open(uri, '一、总体要求\n（一）做好XX工作\n（三）乙\n正文段落。\n');
    const first = (await client.diagnostics(uri)) as FullReport;
    assert.deepEqual(
      first.items.map((d) => `${d.code} ${rangeText(d.range)}`),
      ['placeholder 1:5-1:7', 'numbering-sequence 2:0-2:3'],
    );
    const type = (version: number, line: number, character: number, text: string) =>
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
      });
    // Into the last paragraph, which has no problem: every diagnostic stays where it was.
    await type(2, 3, 4, '的');
    assert.deepEqual(await client.diagnostics(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // Before the placeholder on its line: it moves one character on, so the whole report is sent again.
    await type(3, 1, 3, '切实');
    const moved = (await client.diagnostics(uri, first.resultId)) as FullReport;
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.deepEqual(
      moved.items.map((d) => `${d.code} ${rangeText(d.range)}`),
      ['placeholder 1:7-1:9', 'numbering-sequence 2:0-2:3'],
    );
  });

  it('gives the outline of the 004 plan as document symbols, each with its counts', async () => {
    const text = fs.readFileSync(path.join(CORPUS, '004_503d8dbb8d0f1449.txt'), 'utf8');
    const uri = uriOf(write('corpus-004.txt', text));
    await client.open(uri, text);
    const [doc] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(doc.name, '2024年西安市新城区卫生健康工作计划');
    assert.deepEqual(
      doc.children!.map((s) => s.name),
      [
        '一、建强公共卫生体系',
        '二、深化医药卫生体制改革',
        '三、强化基层服务体系',
        '四、推进健康西安建设',
        '五、促进中医药传承创新发展',
        '六、做好重点人群健康服务',
        '七、强化卫生健康事业支撑保障',
      ],
    );
    assert.equal(doc.children![0].children![0].name, '1.提升重大疫情应对能力');
    assert.match(doc.children![0].detail!, /^0处占位符 · [\d,]+字$/);
    assert.equal(rangeText(doc.children![0].selectionRange), '2:0-2:10');
  });

  it("answers the editor's own requests: the outline with counts, the status bar's counts, the placeholders", async () => {
    const text = fs.readFileSync(path.join(CORPUS, '004_503d8dbb8d0f1449.txt'), 'utf8');
    const uri = uriOf(path.join(tmp, 'corpus-004.txt'));
    const outline = await client.request<OutlineResult>('gongwen/outline', { textDocument: { uri } });
    const [doc] = outline.documents;
    assert.equal(outline.version, 1);
    assert.deepEqual([doc.kind, doc.name, doc.level, doc.children.length], ['document', '2024年西安市新城区卫生健康工作计划', 0, 7]);
    const first = doc.children[0];
    assert.deepEqual(
      [first.kind, first.name, first.level, first.start, rangeText(first.selectionRange)],
      ['section', '一、建强公共卫生体系', 1, text.indexOf('一、建强'), '2:0-2:10'],
    );
    const model = parse(text);
    assert.equal(first.chars, countsOf(model, first.start, first.end).zishu);
    assert.equal(first.detail, `0处占位符 · ${first.chars.toLocaleString('en-US')}字`);

    const whole = await client.request<CountsResult>('gongwen/counts', { textDocument: { uri } });
    const all = countsOf(model, 0, text.length);
    assert.deepEqual(whole, { version: 1, zishu: all.zishu, pages: all.pages });
    // 一、建强公共卫生体: 8 Han characters and the 、 count 9.
    const selection = await client.request<CountsResult>('gongwen/counts', {
      textDocument: { uri },
      ranges: [{ start: { line: 2, character: 0 }, end: { line: 2, character: 9 } }],
    });
    assert.equal(selection.zishu, 9);

    await client.open('untitled:blanks', '一、总体要求\nXX市开展【待补充】工作。\n', 'gongwen');
    const found = await client.request<PlaceholdersResult>('gongwen/placeholders', { textDocument: { uri: 'untitled:blanks' } });
    assert.deepEqual(
      found.placeholders.map((p) => [p.text, rangeText(p.range), p.context]),
      [
        ['XX', '1:0-1:2', '「XX」市开展【待补充】工作。'],
        ['【待补充】', '1:5-1:10', 'XX市开展「【待补充】」工作。'],
      ],
    );
    assert.equal(await client.request('gongwen/outline', { textDocument: { uri: 'untitled:never-opened' } }), null);
  });

  it('folds each section', async () => {
    const uri = 'untitled:tree';
    await client.open(uri, TREE, 'gongwen');
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      ranges.map((r) => `${r.startLine}-${r.endLine} ${r.kind}`),
      ['2-6 region', '3-4 region', '5-6 region', '7-9 region', '8-9 region'],
    );
  });

  it("offers the core's own fix of a numbering problem as the preferred quick fix, and a fix-all of the document", async () => {
    const uri = 'untitled:run';
    await client.open(uri, RUN, 'gongwen');
    const report = (await client.diagnostics(uri)) as FullReport;
    const d = report.items.find((x) => x.code === 'numbering-sequence')!;
    assert.equal(rangeText(d.range), '3:0-3:3');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    const problem = lint(RUN).find((p) => p.ruleId === 'numbering-sequence')!;
    // A Chinese document: its quick fixes are titled in Chinese, whatever the client's display language.
    assert.equal(preferred[0].title, problem.fix!.title);
    assert.deepEqual(editTexts(preferred[0].edit!.changes![uri]), lspEdits(RUN, combineFixes(RUN, [problem]).edits));
    assert.deepEqual(editTexts(preferred[0].edit!.changes![uri]), [
      { range: '3:1-3:2', newText: '三' },
      { range: '4:1-4:2', newText: '四' },
    ]);

    const [all] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
    });
    assert.equal(all.kind, 'source.fixAll.gongwen');
    assert.deepEqual(editTexts(all.edit!.changes![uri]), lspEdits(RUN, editsBetween(RUN, fixAll(RUN).output)));
  });

  it('offers the quick fix of a placeholder-free style problem and leaves silencing to clients that can write the config', async () => {
    const text = '一、总体要求\n（一）、加强领导\n（二）完善机制\n';
    const uri = 'untitled:stray';
    await client.open(uri, text, 'gongwen');
    const [d] = ((await client.diagnostics(uri)) as FullReport).items;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const problem: Problem = lint(text)[0];
    assert.deepEqual(
      actions.map((a) => a.title),
      [problem.fix!.title],
    );
    assert.deepEqual(editTexts(actions[0].edit!.changes![uri]), lspEdits(text, problem.fix!.edits));
  });

  it('completes the next heading at a line start', async () => {
    const text = '一、总体要求\n（一）甲\n（二）乙\n';
    const uri = 'untitled:complete';
    await client.open(uri, text, 'gongwen');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
    const heading = items.find((i) => i.label === '（三）')!;
    assert.ok(heading, items.map((i) => i.label).join(' '));
    assert.deepEqual(heading.textEdit, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '（三）' });
    assert.deepEqual(
      items.slice(0, 3).map((i) => i.label),
      ['（三）', '二、', '1.'],
    );
  });

  it("finds the workspace folder's placeholders, skipping node_modules and dot-folders", async () => {
    const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const found = report.items.flatMap((item) =>
      item.kind === 'full' ? item.items.map((d) => `${path.relative(tmp, new URL(item.uri).pathname)} ${d.code} ${rangeText(d.range)}`) : [],
    );
    assert.ok(found.includes('plan.txt placeholder 1:5-1:7'), found.join('\n'));
    assert.ok(!found.some((f) => f.startsWith('node_modules') || f.startsWith('.git')), found.join('\n'));
    assert.ok(
      found.every((f) => f.includes(' placeholder ')),
      found.join('\n'),
    );
    const plan = report.items.find((i) => i.uri.endsWith('/plan.txt'))!;
    assert.equal(plan.kind, 'full');
    assert.deepEqual(plan.kind === 'full' && plan.items[0].data, { text: 'XX', context: '（一）做好「XX」工作。' });
    // Asked again with the ids it gave: the unchanged file is not read again.
    const again = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [{ uri: plan.uri, value: plan.resultId }] });
    assert.equal(again.items.find((i) => i.uri.endsWith('/plan.txt'))!.kind, 'unchanged');
  });

  it('checks again under a .gongwenrc.json that changed, the text unchanged', async () => {
    const text = '一、甲\n（一）测试XX系统上线。\n';
    write('allow/.gongwenrc.json', '{}\n');
    const uri = uriOf(write('allow/a.txt', text));
    await client.open(uri, text);
    const before = (await client.diagnostics(uri)) as FullReport;
    assert.deepEqual(
      before.items.map((d) => `${d.code} ${rangeText(d.range)}`),
      ['placeholder 1:5-1:7'],
    );
    const config = write('allow/.gongwenrc.json', '{ "placeholders": { "allow": ["测试XX系统上线"] } }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    const after = (await client.diagnostics(uri, before.resultId)) as FullReport;
    assert.deepEqual([after.kind, after.items], ['full', []]);
  });

  it('survives a broken .gongwenrc.json: the document is checked with the settings, the config file gets the error at its key', async () => {
    write('broken/.gongwenrc.json', '{\n  "numbering": { "style": "gb" }\n}\n');
    const uri = uriOf(write('broken/a.txt', '一、甲\n（一）XX\n'));
    await client.open(uri, '一、甲\n（一）XX\n');
    const report = (await client.diagnostics(uri)) as FullReport;
    assert.deepEqual(
      report.items.map((d) => `${d.code} ${rangeText(d.range)}`),
      ['placeholder 1:3-1:5'],
    );
    const configUri = uriOf(path.join(tmp, 'broken', '.gongwenrc.json'));
    const published = await client.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === configUri);
    assert.equal(published.diagnostics.length, 1);
    // From the key "style" to the end of its value.
    assert.equal(rangeText(published.diagnostics[0].range), '1:17-1:30');
    assert.match(published.diagnostics[0].message, /numbering\.style/);
    assert.equal(client.child.exitCode, null);
  });

  // Last: nested suites run after the tests above.
  describe('the end of a session', () => {
    it('ends with exit code 0 after shutdown and exit', async () => {
      assert.equal(await client.stop(), 0);
    });
  });
});

describe('gongwen lsp --stdio with a client that has settings', function () {
  this.timeout(60000);
  let tmp: string;

  let client: Client | undefined;

  before(() => {
    ensureBuilt();
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-settings-')));
  });
  after(() => {
    if (client?.child.exitCode === null) client.child.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('pulls the gongwen settings of the document, puts the nearest .gongwenrc.json on top, and asks again when told they changed', async () => {
    const settings = { gongwen: { rules: { placeholder: 'info', 'numbering-sequence': 'off' }, messageLanguage: 'en' } as Record<string, unknown> };
    const started = await Client.start([tmp], settings);
    client = started.client;
    const c = client;
    const text = '一、总体要求\n（一）XX\n（三）乙\n';
    const loose = uriOf(path.join(tmp, 'a.txt'));
    fs.mkdirSync(path.join(tmp, 'strict'));
    fs.writeFileSync(path.join(tmp, 'strict', '.gongwenrc.json'), '{ "rules": { "placeholder": "warning" } }\n');
    const strict = uriOf(path.join(tmp, 'strict', 'b.txt'));
    await c.open(loose, text);
    await c.open(strict, text);
    const language = (message: string) => (/\p{Script=Han}/u.test(message.replace(/“[^”]*”/g, '')) ? 'zh' : 'en');
    const summary = async (uri: string) => ((await c.diagnostics(uri)) as FullReport).items.map((d) => `${d.code} ${d.severity} ${language(d.message)}`);
    assert.deepEqual(await summary(loose), ['placeholder 3 en']);
    // The file wins where both set a key; the settings fill in the rest.
    assert.deepEqual(await summary(strict), ['placeholder 2 en']);
    assert.ok(c.requests.includes('workspace/configuration'));

    settings.gongwen = { messageLanguage: 'zh-cn' };
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.requested('workspace/diagnostic/refresh');
    assert.deepEqual(await summary(loose), ['placeholder 1 zh', 'numbering-sequence 2 zh']);
    assert.equal(await c.stop(), 0);
  });
});

describe('gongwen lsp --stdio with a client that cannot pull diagnostics', function () {
  this.timeout(60000);
  let client: Client | undefined;
  before(ensureBuilt);
  after(() => {
    if (client?.child.exitCode === null) client.child.kill();
  });

  it('pushes them: on open, after a change, and empty on close', async () => {
    client = (await Client.start([], undefined, false)).client;
    const c = client;
    const uri = 'untitled:pushed';
    const published = (version: number) =>
      c.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
    await c.open(uri, RUN, 'gongwen');
    assert.deepEqual(
      (await published(1)).diagnostics.map((d) => `${d.code} ${rangeText(d.range)}`),
      ['numbering-sequence 3:0-3:3'],
    );
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 1 }, end: { line: 3, character: 2 } }, text: '三' }],
    });
    // （五） after the renumbered （三）: the run still skips.
    assert.deepEqual(
      (await published(2)).diagnostics.map((d) => `${d.code} ${rangeText(d.range)}`),
      ['numbering-sequence 4:0-4:3'],
    );
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await c.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(await c.stop(), 0);
  });
});

describe('gongwen lsp on the command line', () => {
  before(ensureBuilt);

  it('is in the help, and refuses a transport other than stdio with exit code 2', () => {
    const help = spawnSync(process.execPath, [BIN, '--help', '--lang', 'en'], { encoding: 'utf8' });
    assert.match(help.stdout, /^ {2}gongwen lsp --stdio {2,}run the language server on stdin\/stdout/m);
    const r = spawnSync(process.execPath, [BIN, 'lsp', '--socket=7000'], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'gongwen: lsp takes only --stdio ("--socket=7000"). Run gongwen --help for usage.\n');
  });
});

describe('the quiet time after typing', () => {
  const doc = (chars: number) => TextDocument.create('file:///x.txt', 'plaintext', 1, '字'.repeat(chars));

  it('adds 100 ms per 500 KB of text (at most 2 s) to the setting', () => {
    assert.equal(quietTime(doc(100), 300), 300);
    assert.equal(quietTime(doc(500_000), 300), 400);
    assert.equal(quietTime(doc(50_000_000), 300), 2300);
  });

  it('is none at all with a setting of 0, however large the document', () => {
    assert.equal(quietTime(doc(1_000_000), 0), 0);
  });
});
