/** Shared types of the gongwen core. Positions are UTF-16 offsets into the text (BOM removed). */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A replacement of text[start, end) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A fix is plain text edits. `safe` fixes cannot guess wrong and may be applied without review. */
export interface Fix {
  safe: boolean;
  edits: TextEdit[];
  /** What the fix does, for a quick-fix title. */
  title: string;
  titleEn: string;
}

/** One problem found by a rule. */
export interface Problem {
  ruleId: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  messageEn: string;
  fix?: Fix;
}

/** A 1-based line/column position as the CLI prints it; columns count UTF-16 code units. */
export interface LineColumn {
  line: number;
  column: number;
}
