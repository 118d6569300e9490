/**
 * JSON syntax errors with a position and a bilingual explanation. Node 20's JSON.parse messages
 * carry no line or column, so a text JSON.parse rejects is read again with jsonc-parser in strict
 * JSON mode, and its first error is explained.
 */
import { ParseErrorCode, SyntaxKind, createScanner, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Wording } from './types';

const STRICT_JSON = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false } as const;

/** A message about the character at `offset`. */
interface SyntaxIssue extends Wording {
  offset: number;
}

/** Where jsonc-parser reported an error. */
interface Site {
  text: string;
  error: ParseError;
  /** The character at the error; "" at the end of the text. */
  ch: string;
}

/** "JSON syntax error (line 3, column 25): …" for a text JSON.parse rejected with `cause`. */
export function jsonSyntaxError(text: string, cause: unknown): Wording {
  const issue = firstIssue(text);
  if (!issue) {
    const detail = cause instanceof Error ? cause.message : '';
    return { zh: `JSON 语法错误：${detail}`, en: `JSON syntax error: ${detail}` };
  }
  const { line, column } = lineColumnOf(text, issue.offset);
  return {
    zh: `JSON 语法错误（第 ${line} 行第 ${column} 列）：${issue.zh}`,
    en: `JSON syntax error (line ${line}, column ${column}): ${issue.en}`,
  };
}

/** Errors jsonc-parser's scanner finds in a token, before the parser decides where the token may go. */
const TOKEN_ERRORS: ReadonlySet<ParseErrorCode> = new Set([
  ParseErrorCode.InvalidNumberFormat,
  ParseErrorCode.UnexpectedEndOfNumber,
  ParseErrorCode.UnexpectedEndOfString,
  ParseErrorCode.InvalidUnicode,
  ParseErrorCode.InvalidEscapeCharacter,
  ParseErrorCode.InvalidCharacter,
]);

function firstIssue(text: string): SyntaxIssue | undefined {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, STRICT_JSON);
  } catch {
    return undefined; // nested too deeply for jsonc-parser's recursive descent
  }
  if (errors.length === 0) return undefined;
  // A malformed token that is also misplaced ("1"2…): the misplacement comes first in the text.
  const [first, second] = errors;
  const index = second?.offset === first.offset && TOKEN_ERRORS.has(first.error) && !TOKEN_ERRORS.has(second.error) ? 1 : 0;
  return explainAt(text, errors[index]);
}

function explainAt(text: string, error: ParseError): SyntaxIssue {
  const codePoint = text.codePointAt(error.offset);
  const site: Site = { text, error, ch: codePoint === undefined ? '' : String.fromCodePoint(codePoint) };
  return EXPLAINERS[printParseErrorCode(error.error)](site);
}

/** 1-based; "\r\n", "\r" and "\n" each end a line. */
function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

// ---------------------------------------------------------------------------------------------
// One explanation per jsonc-parser error code

const MALFORMED_NUMBER: Wording = { zh: '数字格式不正确', en: 'malformed number' };
const COMMENTS: Wording = { zh: 'JSON 不支持注释', en: 'comments are not allowed in JSON' };
const MISSING_COMMA: Wording = { zh: '缺少逗号：前后两项之间要用 "," 隔开', en: 'missing comma: items must be separated by ","' };
const VALUE_MISSING: Wording = { zh: '此处缺少值', en: 'a value is missing here' };
const QUOTE_KEY: Wording = { zh: '设置项名称须用双引号括起来，如 "rules"', en: 'property names must be in double quotes, e.g. "rules"' };
const QUOTE_TEXT: Wording = { zh: '文字须用双引号括起来，如 "warning"', en: 'text must be in double quotes, e.g. "warning"' };
const WORD_LIKE = /[\p{L}\p{N}_$]/u;

const expectedKey = (ch: string): Wording =>
  WORD_LIKE.test(ch)
    ? QUOTE_KEY
    : {
        zh: `此处应为用双引号括起来的设置项名称，而不是 ${quoteChar(ch)}`,
        en: `expected a property name in double quotes, not ${quoteChar(ch)}`,
      };
const expectedValue = (ch: string): Wording =>
  ',}]'.includes(ch)
    ? VALUE_MISSING
    : {
        zh: `此处应为值，而不是 ${quoteChar(ch)}`,
        en: `expected a value, not ${quoteChar(ch)}`,
      };
const expectedColon = (ch: string): Wording => ({
  zh: `设置项名称后面应为冒号 ":"，而不是 ${quoteChar(ch)}`,
  en: `expected ":" after the property name, not ${quoteChar(ch)}`,
});
const afterTheEnd = (ch: string): Wording => ({
  zh: `JSON 内容已经结束，后面多了 ${quoteChar(ch)}`,
  en: `unexpected ${quoteChar(ch)} after the end of the JSON content`,
});

type ErrorName = ReturnType<typeof printParseErrorCode>;

const EXPLAINERS: Record<ErrorName, (s: Site) => SyntaxIssue> = {
  InvalidSymbol: invalidSymbol,
  InvalidNumberFormat: (s) => here(s, MALFORMED_NUMBER),
  UnexpectedEndOfNumber: (s) => here(s, MALFORMED_NUMBER),
  PropertyNameExpected: (s) => trailingComma(s, '}') ?? endOfFile(s, '"}"') ?? here(s, expectedKey(s.ch)),
  ValueExpected: (s) => trailingComma(s, ']') ?? endOfFile(s) ?? here(s, previousChar(s) === '{' ? expectedKey(s.ch) : expectedValue(s.ch)),
  ColonExpected: (s) => endOfFile(s) ?? here(s, expectedColon(s.ch)),
  CommaExpected: (s) => leadingZero(s) ?? here(s, mismatchedBracket(s.ch) ?? missingComma(s)),
  CloseBraceExpected: (s) => endOfFile(s, '"}"') ?? here(s, { zh: '此处应为 "}"', en: 'expected "}" here' }),
  CloseBracketExpected: (s) => endOfFile(s, '"]"') ?? here(s, { zh: '此处应为 "]"', en: 'expected "]" here' }),
  EndOfFileExpected: (s) => leadingZero(s) ?? here(s, afterTheEnd(s.ch)),
  InvalidCommentToken: (s) => here(s, COMMENTS),
  UnexpectedEndOfComment: (s) => here(s, COMMENTS),
  UnexpectedEndOfString: stringIssue,
  InvalidUnicode: stringIssue,
  InvalidEscapeCharacter: stringIssue,
  InvalidCharacter: stringIssue,
  '<unknown ParseErrorCode>': (s) => here(s, { zh: `此处不能出现 ${quoteChar(s.ch)}`, en: `unexpected ${quoteChar(s.ch)}` }),
};

function here(s: Site, m: Wording): SyntaxIssue {
  return { offset: s.error.offset, ...m };
}

/** The last non-whitespace character before the error; "" at the start. */
function previousChar(s: Site): string {
  return s.text.slice(0, s.error.offset).trimEnd().slice(-1);
}

/** At the end of the text: what is missing (a value unless `missing` is given). */
function endOfFile(s: Site, missing?: string): SyntaxIssue | undefined {
  if (s.error.offset < s.text.length) return undefined;
  return missing === undefined
    ? here(s, { zh: '文件意外结束：缺少值', en: 'unexpected end of file: a value is missing' })
    : here(s, { zh: `文件意外结束：缺少 ${missing}`, en: `unexpected end of file: ${missing} is missing` });
}

/** The closing bracket right after a ",": reported at the comma. */
function trailingComma(s: Site, close: '}' | ']'): SyntaxIssue | undefined {
  if (s.ch !== close) return undefined;
  const before = s.text.slice(0, s.error.offset).trimEnd();
  if (!before.endsWith(',')) return undefined;
  return { offset: before.length - 1, zh: '多余的逗号：最后一项后面不能有 ","', en: 'trailing comma: no "," may follow the last item' };
}

/** Between two items: with a value after it, only the comma is missing; otherwise show what is there. */
function missingComma(s: Site, open = contextAt(s.text, s.error.offset).open): Wording {
  if (/^["{[-]$/.test(s.ch) || WORD_LIKE.test(s.ch)) return MISSING_COMMA;
  const close = open === '[' ? ']' : '}';
  return {
    zh: `缺少逗号：上一项后面应为 "," 或 "${close}"，而不是 ${quoteChar(s.ch)}`,
    en: `missing comma: expected "," or "${close}" after the previous item, not ${quoteChar(s.ch)}`,
  };
}

function mismatchedBracket(ch: string): Wording | undefined {
  if (ch !== '}' && ch !== ']') return undefined;
  const close = ch === '}' ? ']' : '}';
  return { zh: `括号不匹配：此处应为 "${close}"`, en: `mismatched bracket: expected "${close}" here` };
}

/** jsonc-parser reads "01" as the numbers 0 and 1; the second is where it reports the error. */
function leadingZero(s: Site): SyntaxIssue | undefined {
  const at = s.error.offset;
  if (!/^[0-9]$/.test(s.ch) || s.text[at - 1] !== '0') return undefined;
  const start = s.text[at - 2] === '-' ? at - 2 : at - 1;
  return { offset: start, zh: '数字不能以 0 开头', en: 'a number cannot start with 0' };
}

// ---------------------------------------------------------------------------------------------
// Characters that are not JSON: full-width punctuation, single quotes, unquoted words

const FULL_WIDTH: Record<string, string> = {
  '，': ',',
  '：': ':',
  '“': '"',
  '”': '"',
  '‘': '"',
  '’': '"',
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '\u3000': ' ',
};

function invalidSymbol(s: Site): SyntaxIssue {
  const ascii = Object.hasOwn(FULL_WIDTH, s.ch) ? FULL_WIDTH[s.ch] : undefined;
  if (ascii === ' ') return here(s, { zh: '使用了全角空格，应改为半角空格', en: 'a full-width space (U+3000) must be an ordinary space' });
  if (ascii !== undefined)
    return here(s, { zh: `使用了全角符号 "${s.ch}"，应改为半角 "${ascii}"`, en: `the full-width "${s.ch}" must be the ASCII "${ascii}"` });
  if (s.ch === "'") return here(s, { zh: '文字须用双引号 " 括起来，不能用单引号 \'', en: 'text must be in double quotes ", not single quotes \'' });
  const previous = previousChar(s);
  if (previous !== '' && !'{[,:'.includes(previous)) return afterValue(s);
  // jsonc-parser reads "true，" or "null\" as one unknown word; the literal itself is fine.
  const literal = /^(?:true|false|null)(?![A-Za-z0-9_$])/.exec(s.text.slice(s.error.offset, s.error.offset + s.error.length));
  if (literal) {
    const offset = s.error.offset + literal[0].length;
    return explainAt(s.text, { ...s.error, offset, length: s.error.length - literal[0].length });
  }
  if (previous === '{' || (previous === ',' && contextAt(s.text, s.error.offset).open === '{')) return here(s, expectedKey(s.ch));
  if (s.ch === '-') return here(s, MALFORMED_NUMBER);
  return here(s, WORD_LIKE.test(s.ch) ? QUOTE_TEXT : expectedValue(s.ch));
}

/** Something that cannot follow a complete value: a colon or a comma is missing, or the content has ended. */
function afterValue(s: Site): SyntaxIssue {
  const { open, afterKey } = contextAt(s.text, s.error.offset);
  if (afterKey) return here(s, expectedColon(s.ch));
  return here(s, open === undefined ? afterTheEnd(s.ch) : missingComma(s, open));
}

/**
 * Where `offset` is, found with jsonc-parser's scanner: the innermost "{" or "[" still open, and
 * whether the last token is a property name.
 */
function contextAt(text: string, offset: number): { open: '{' | '[' | undefined; afterKey: boolean } {
  const open: ('{' | '[')[] = [];
  const scanner = createScanner(text, true);
  let previous: SyntaxKind | undefined;
  let afterKey = false;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF && scanner.getTokenOffset() < offset; token = scanner.scan()) {
    afterKey =
      token === SyntaxKind.StringLiteral && open[open.length - 1] === '{' && (previous === SyntaxKind.OpenBraceToken || previous === SyntaxKind.CommaToken);
    if (token === SyntaxKind.OpenBraceToken) open.push('{');
    else if (token === SyntaxKind.OpenBracketToken) open.push('[');
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) open.pop();
    previous = token;
  }
  return { open: open[open.length - 1], afterKey };
}

// ---------------------------------------------------------------------------------------------
// Strings: jsonc-parser reports these at the opening quote; find the offending character.

const VALID_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;

function stringIssue(s: Site): SyntaxIssue {
  const { text } = s;
  const end = s.error.offset + s.error.length;
  for (let i = s.error.offset + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      if (i + 1 >= text.length) break; // the text ends inside the string
      VALID_ESCAPE.lastIndex = i;
      if (!VALID_ESCAPE.test(text)) return badEscape(text, i);
      i = VALID_ESCAPE.lastIndex - 1;
    } else if (c < 0x20) {
      return {
        offset: i,
        zh: `字符串中不能直接包含控制字符 ${quoteChar(text[i])}（制表符要写成 \\t）`,
        en: `a string cannot contain the control character ${quoteChar(text[i])} (write a tab as \\t)`,
      };
    }
  }
  if (s.error.error !== ParseErrorCode.UnexpectedEndOfString) return badEscape(text, s.error.offset);
  const after = text[end];
  if (after === '\n' || after === '\r') {
    return here(s, {
      zh: '字符串没有在本行结束：缺少结尾的双引号 "（字符串内的换行要写成 \\n）',
      en: 'the string is not closed on its line: the closing " is missing (a line break inside a string is written \\n)',
    });
  }
  return here(s, { zh: '字符串缺少结尾的双引号 "', en: 'the string is missing its closing "' });
}

function badEscape(text: string, offset: number): SyntaxIssue {
  const shown = quoteChar(text.slice(offset, offset + 2));
  return {
    offset,
    zh: `无效的转义 ${shown}：JSON 中反斜杠要写成 "\\\\"（正则表达式的 \\d 应写成 \\\\d）`,
    en: `invalid escape ${shown}: write a backslash as "\\\\" in JSON (a regular expression's \\d becomes \\\\d)`,
  };
}

/** A character for a message; invisible ones as U+XXXX. */
function quoteChar(s: string): string {
  if (s === '"') return "'\"'";
  if (!/^[\p{Cc}\p{Cf}\p{Z}]$/u.test(s)) return `"${s}"`;
  return `U+${(s.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
