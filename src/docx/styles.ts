/**
 * Paragraph styles (`word/styles.xml`), read for what numbering needs: a style's `w:numPr`, inherited along
 * `w:basedOn`, and the default paragraph style that applies where a paragraph names none.
 */
import { W, attr, child, childVal, children, intVal, type XmlElement } from './xml';

/** A numbering reference: `w:numPr`'s `w:numId` and `w:ilvl`, either possibly missing. */
export interface NumberingReference {
  numId?: string;
  ilvl?: number;
}

interface ParagraphStyle {
  id: string;
  basedOn?: string;
  numPr?: NumberingReference;
}

/** `w:numPr` of a `w:pPr`. */
export function numPrOf(pPr: XmlElement | undefined): NumberingReference | undefined {
  const numPr = child(pPr, W, 'numPr');
  if (!numPr) return undefined;
  return { numId: childVal(numPr, 'numId'), ilvl: intVal(childVal(numPr, 'ilvl')) };
}

export class Styles {
  private readonly byId = new Map<string, ParagraphStyle>();
  /** The style of a paragraph that names none (`w:default="1"` among the paragraph styles). */
  readonly defaultParagraphStyle: string | undefined;
  /** Numbering styles (`w:type="numbering"`): their numId, for `w:numStyleLink`. */
  private readonly numberingStyles = new Map<string, string>();

  constructor(root: XmlElement | undefined) {
    let defaultId: string | undefined;
    for (const s of children(root, W, 'style')) {
      const id = attr(s, 'styleId');
      if (id === undefined) continue;
      const type = attr(s, 'type') ?? 'paragraph';
      const numPr = numPrOf(child(s, W, 'pPr'));
      if (type === 'numbering') {
        if (numPr?.numId !== undefined) this.numberingStyles.set(id, numPr.numId);
        continue;
      }
      if (type !== 'paragraph') continue;
      this.byId.set(id, { id, basedOn: childVal(s, 'basedOn'), numPr });
      if (defaultId === undefined && /^(1|true|on)$/.test(attr(s, 'default') ?? '')) defaultId = id;
    }
    this.defaultParagraphStyle = defaultId;
  }

  /** The style and the styles it is based on, nearest first (a cycle in `w:basedOn` ends the chain). */
  chain(styleId: string | undefined): string[] {
    const out: string[] = [];
    for (let s = styleId === undefined ? undefined : this.byId.get(styleId); s && !out.includes(s.id); s = s.basedOn ? this.byId.get(s.basedOn) : undefined) {
      out.push(s.id);
    }
    return out;
  }

  /** The numbering a style gives its paragraphs: `w:numId` and `w:ilvl`, each from the nearest style that sets it. */
  numberingOf(styleId: string | undefined): NumberingReference | undefined {
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (const id of this.chain(styleId)) {
      const numPr = this.byId.get(id)!.numPr;
      numId ??= numPr?.numId;
      ilvl ??= numPr?.ilvl;
    }
    return numId === undefined ? undefined : { numId, ilvl };
  }

  /** The numId a numbering style stands for (`w:numStyleLink` → style → `w:numPr/w:numId`). */
  numberingStyleNum(styleId: string): string | undefined {
    return this.numberingStyles.get(styleId);
  }
}
