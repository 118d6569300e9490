/**
 * GB/T 9704-2012 page layout in Word's units, each constant derived from the standard's millimetres and 号 sizes.
 *
 * Units: Word measures lengths in twips (1/20 pt; 1 pt = 1/72 in, 1 in = 25.4 mm, so 1 mm = 1440 / 25.4 ≈ 56.6929
 * twips) and font sizes in half-points. Lengths are rounded to the nearest twip.
 */

/** Twips in one millimetre: 1440 twips an inch ÷ 25.4 mm an inch ≈ 56.6929. */
export const TWIPS_PER_MM = 1440 / 25.4;

/** A length in millimetres, rounded to the nearest twip. */
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

/** A length in points, in twips (20 a point). */
export const ptToTwips = (pt: number): number => Math.round(pt * 20);

/** Chinese font sizes (字号) in points. */
export const HAO_PT = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
} as const;

/** A 号 size in Word's half-points (`w:sz`). */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

// ---------------------------------------------------------------------------------------------------------------
// Page (GB/T 9704-2012 §5.2)
// ---------------------------------------------------------------------------------------------------------------

/** A4 width: 210 mm × 56.6929 = 11905.5 → 11906 twips. */
export const PAGE_WIDTH = mmToTwips(210);
/** A4 height: 297 mm × 56.6929 = 16837.8 → 16838 twips. */
export const PAGE_HEIGHT = mmToTwips(297);

/** 天头 (top margin) 37 mm → 2097.6 → 2098 twips (§5.2: 37 ± 1 mm). */
export const MARGIN_TOP = mmToTwips(37);
/** Bottom margin: 297 − 37 − 225 = 35 mm → 1984.3 → 1984 twips. */
export const MARGIN_BOTTOM = mmToTwips(35);
/** 订口 (binding, left) 28 mm → 1587.4 → 1587 twips (§5.2: 28 ± 1 mm). */
export const MARGIN_LEFT = mmToTwips(28);
/** Right margin: 210 − 28 − 156 = 26 mm → 1474.0 → 1474 twips. */
export const MARGIN_RIGHT = mmToTwips(26);

/** The text block (版心) as the rounded margins leave it: 11906 − 1587 − 1474 = 8845 twips (156.03 mm). */
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/** 16838 − 2098 − 1984 = 12756 twips (225.01 mm). */
export const TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

/** §5.2: 22 lines a page, 28 characters a line. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

// ---------------------------------------------------------------------------------------------------------------
// Fonts and sizes
// ---------------------------------------------------------------------------------------------------------------

/** Body: 3号 = 16 pt = 32 half-points. */
export const BODY_SIZE = halfPoints(HAO_PT['三号']);
/** Title: 2号 = 22 pt = 44 half-points (§7.3.1). */
export const TITLE_SIZE = halfPoints(HAO_PT['二号']);
/** Page numbers and 版记: 4号 = 14 pt = 28 half-points (§7.5). */
export const SMALL_SIZE = halfPoints(HAO_PT['四号']);

/** One character of body text, the unit the standard measures indents in: 16 pt = 320 twips. */
export const BODY_CHAR = ptToTwips(HAO_PT['三号']);
/** One 4号 character: 14 pt = 280 twips. */
export const SMALL_CHAR = ptToTwips(HAO_PT['四号']);

/**
 * A font and the one to use where it is not installed. `仿宋_GB2312` and `楷体_GB2312` are the names 公文 templates
 * use (the fonts of the GB 2312 era); current Windows ships `仿宋` and `楷体`. The fallback is written into the font
 * table as `w:altName`, which Word and WPS consult when the first name is missing.
 */
export interface FontChoice {
  name: string;
  fallback?: string;
}

/** Body text, level-3 and level-4 headings (§7.3.3: 仿宋). */
export const FANGSONG: FontChoice = { name: '仿宋_GB2312', fallback: '仿宋' };
/** Level-1 headings (§7.3.3: 黑体). */
export const HEITI: FontChoice = { name: '黑体' };
/** Level-2 headings (§7.3.3: 楷体). */
export const KAITI: FontChoice = { name: '楷体', fallback: '楷体_GB2312' };
/** The title (§7.3.1: 小标宋). `方正小标宋简体` is the font 公文 use; 宋体 where it is missing. */
export const XIAOBIAOSONG: FontChoice = { name: '方正小标宋简体', fallback: '宋体' };
/** Page numbers (§7.5: 半角宋体). */
export const SONGTI: FontChoice = { name: '宋体', fallback: 'SimSun' };
/** Latin letters and digits in the body: the usual companion of 仿宋 in 公文 templates. */
export const LATIN = 'Times New Roman';

/** Every font the export names, for the font table. */
export const ALL_FONTS: readonly FontChoice[] = [FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONGTI];

// ---------------------------------------------------------------------------------------------------------------
// Document grid (§5.2.3: 22 lines × 28 characters)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Line pitch: the text block's height over 22 lines, 12756 / 22 = 579.8, taken down to 579 twips (28.95 pt) so that
 * 22 lines fit (22 × 579 = 12738 ≤ 12756). `w:docGrid/@w:linePitch` is in twips.
 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/**
 * Character pitch: the block's width over 28 characters, 8845 twips / 28 = 315.9 twips = 15.795 pt.
 * `w:docGrid/@w:charSpace` is not the pitch but its difference from the Normal font's size (16 pt), in 1/4096 pt:
 * (15.795 − 16) × 4096 = −841.3, taken down to −842 so that 28 characters fit (28 × (16 − 842/4096) = 442.24 pt ≤
 * 442.25 pt). Without the grid, 16 pt characters fit only ⌊442.25 / 16⌋ = 27 to a line.
 */
export const CHAR_PITCH_PT = TEXT_WIDTH / 20 / CHARS_PER_LINE;
export const CHAR_SPACE = Math.floor((CHAR_PITCH_PT - HAO_PT['三号']) * 4096);
/** The grid's character pitch in twips (315.9), for indents counted in characters. */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;

/** First-line indent of two characters (§7.3.3): 200 hundredths of a character; 640 twips for readers without character units. */
export const INDENT_CHARS = 200;
export const INDENT_TWIPS = 2 * BODY_CHAR;

// ---------------------------------------------------------------------------------------------------------------
// Page numbers (§7.5) and 版记
// ---------------------------------------------------------------------------------------------------------------

/** The page number's line: exact, so the footer takes no line pitch from the grid; 4号 (14 pt) with room: 17.5 pt. */
export const FOOTER_LINE = ptToTwips(17.5);
/**
 * The page number sits 7 mm below the text block: its line's top 35 − 7 = 28 mm above the paper's bottom edge, so the
 * footer's bottom (`w:pgMar/@w:footer`, measured from that edge) is 28 mm less one line: 1587 − 350 = 1237 twips.
 */
export const FOOTER_DISTANCE = mmToTwips(35 - 7) - FOOTER_LINE;
/** The header's distance is irrelevant (no header); Word's default keeps it inside the top margin. */
export const HEADER_DISTANCE = mmToTwips(15);

/** 分隔线 of the 版记: first and last 0.35 mm, between 0.25 mm; border sizes are in eighths of a point (1 pt = 0.3528 mm). */
export const RULE_THICK = Math.round((0.35 / 25.4) * 72 * 8);
export const RULE_THIN = Math.round((0.25 / 25.4) * 72 * 8);
