/** Why a file cannot be read as a Word document: one typed error, a message in Chinese and in English. */

/**
 * - `encrypted`: a password-protected document (an OLE compound file holding an `EncryptedPackage`);
 * - `legacy-doc`: Word 97–2003 `.doc` or another OLE compound file, not a `.docx`;
 * - `corrupt`: not a readable ZIP, a damaged part, or XML that does not parse;
 * - `not-docx`: a ZIP without a Word main document (`word/document.xml`): an `.xlsx`, an `.odt`, any other ZIP;
 * - `macro-enabled`: a `.docm` (a VBA project inside); refused unless the caller allows it, never executed;
 * - `too-large`: a part, or the whole package, larger unpacked than the limits (a ZIP bomb is refused before it
 *   is inflated, and a part that inflates past its declared size is stopped while inflating).
 */
export type DocxErrorCode = 'encrypted' | 'legacy-doc' | 'corrupt' | 'not-docx' | 'macro-enabled' | 'too-large';

/** A file that is not a readable `.docx`; `message` is Chinese, `messageEn` English. The CLI exits 2 on it. */
export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'DocxError';
  }
}

const MB = 1024 * 1024;
const size = (bytes: number): string => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${bytes} B`);

export const encrypted = (): DocxError =>
  new DocxError(
    'encrypted',
    '文档已加密（设有打开密码），无法读取：请在 Word 或 WPS 中取消密码，另存为 .docx 后再检查。',
    'The document is encrypted (it has a password to open): remove the password in Word or WPS, save it as .docx and check it again.',
  );

export const legacyDoc = (): DocxError =>
  new DocxError(
    'legacy-doc',
    '这是旧版 Word 二进制文档（.doc）或其他 OLE 复合文件，不是 .docx：请在 Word 或 WPS 中另存为 .docx 后再检查。',
    'This is a Word 97–2003 binary document (.doc) or another OLE compound file, not a .docx: save it as .docx in Word or WPS and check it again.',
  );

export const corrupt = (zh: string, en: string): DocxError =>
  new DocxError('corrupt', `文件已损坏，无法作为 .docx 读取：${zh}。`, `The file is damaged and cannot be read as a .docx: ${en}.`);

export const notDocx = (zh: string, en: string): DocxError =>
  new DocxError('not-docx', `这不是 Word 文档（.docx）：${zh}。`, `This is not a Word document (.docx): ${en}.`);

export const macroEnabled = (): DocxError =>
  new DocxError(
    'macro-enabled',
    '这是启用宏的 Word 文档（.docm，内含 VBA 宏）：本工具从不运行宏，但默认不读取此类文档；请另存为不含宏的 .docx 后再检查。',
    'This is a macro-enabled Word document (.docm, with a VBA project inside): gongwen never runs macros, but does not read such documents by default; save it as a .docx without macros and check it again.',
  );

export const partTooLarge = (part: string, bytes: number, limit: number): DocxError =>
  new DocxError(
    'too-large',
    `文档部件 ${part} 解压后为 ${size(bytes)}，超过 ${size(limit)} 的上限（可能是 ZIP 炸弹），已拒绝读取。`,
    `The part ${part} unpacks to ${size(bytes)}, over the limit of ${size(limit)} (possibly a ZIP bomb): refused.`,
  );

export const inflatesPastDeclared = (part: string, declared: number): DocxError =>
  new DocxError(
    'too-large',
    `文档部件 ${part} 解压后超出其目录声明的 ${size(declared)}（ZIP 炸弹的特征），已停止解压并拒绝读取。`,
    `The part ${part} unpacks past the ${size(declared)} its directory declares (the mark of a ZIP bomb): inflating stopped, refused.`,
  );

export const packageTooLarge = (bytes: number, limit: number): DocxError =>
  new DocxError(
    'too-large',
    `文档解压后共 ${size(bytes)}，超过 ${size(limit)} 的上限（可能是 ZIP 炸弹），已拒绝读取。`,
    `The document unpacks to ${size(bytes)} in all, over the limit of ${size(limit)} (possibly a ZIP bomb): refused.`,
  );

export const tooManyEntries = (count: number, limit: number): DocxError =>
  new DocxError(
    'too-large',
    `文档包含 ${count} 个文件，超过 ${limit} 个的上限，已拒绝读取。`,
    `The document holds ${count} files, over the limit of ${limit}: refused.`,
  );
