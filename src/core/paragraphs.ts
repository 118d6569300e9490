import type { DocumentModel } from './model';
import { isBlankLine } from './text';

/** A line that ends its paragraph: a sentence or clause end, a closing quote or bracket after one, or a colon. */
const QUOTATION_PARAGRAPH = /^[ \t\u3000]*[“‘]/;
const ENDS_PARAGRAPH = /[。！？；：…!?;:]["”’」』）)》]*\s*$/;

/**
 * Paragraphs of plain text as [first line, last line]: a line, joined with the lines below it where a hard wrap
 * broke it (a PDF's or a web page's fixed line width): the line runs on without ending its sentence, and the next
 * line is no heading, title or furniture. A wrap may cross a page break: blank lines with a page number or running
 * head among them. A line of a normal report ends its paragraph, so there each paragraph stays one line.
 */
export function textParagraphs(model: DocumentModel): Array<[number, number]> {
  const { lines } = model;
  const bareHeadings = new Set(model.headings.filter((h) => !h.runIn).map((h) => h.line));
  const headingLines = new Set(model.headings.map((h) => h.line));
  const titleLines = new Set(model.documents.map((d) => d.titleLine));
  // A bare heading runs on only when a mark it opens is closed below (`二、关于《……规划` / `纲要（草案）》的说明`).
  const runsOn = (l: number) => {
    const t = lines.lineText(l);
    return model.isProseLine(l) && !titleLines.has(l) && !ENDS_PARAGRAPH.test(t) && (!bareHeadings.has(l) || leavesMarkOpen(t));
  };
  // A line opening with “ starts the next paragraph of a quotation that runs over several (each opens with “).
  const joins = (l: number) => !headingLines.has(l) && !titleLines.has(l) && !QUOTATION_PARAGRAPH.test(lines.lineText(l));
  const out: Array<[number, number]> = [];
  for (let l = 0; l < lines.lineCount; l++) {
    if (isBlankLine(lines, l) || !model.isProseLine(l)) continue;
    let end = l;
    for (let next = continuation(model, end); runsOn(end) && next >= 0 && joins(next); next = continuation(model, end)) end = next;
    out.push([l, end]);
    l = end;
  }
  return out;
}

/** The line a wrap after `line` continues on: the next line, or past a page break (blanks and furniture); -1 if none. */
function continuation(model: DocumentModel, line: number): number {
  const { lines } = model;
  let crossedFurniture = false;
  let crossedBlank = false;
  for (let l = line + 1; l < lines.lineCount; l++) {
    if (isBlankLine(lines, l)) crossedBlank = true;
    else if (!model.isProseLine(l)) crossedFurniture = true;
    else return crossedBlank && !crossedFurniture ? -1 : l;
  }
  return -1;
}

const PAIRS: ReadonlyArray<readonly [string, string]> = [['“', '”'], ['（', '）'], ['《', '》']];

/** More opening than closing quotes, brackets or title marks in the line. */
function leavesMarkOpen(t: string): boolean {
  return PAIRS.some(([open, close]) => t.split(open).length > t.split(close).length);
}
