import type { DocumentModel, DocumentSpan, SectionNode } from './model';
import type { GongwenConfig } from '../config/settings';
import { DEFAULT_CONFIG } from '../config';
import { findPlaceholders, type Placeholder } from './placeholders';
import { numberingOf, type DetectedMode } from './numbering';
import { proseCounts } from './counts';
import { documentSpan, sectionSpan, type SectionSpan } from './spans';

/** A section of the outline, with its own and its children's counts (offsets UTF-16); it ends before the next heading of the same or a higher rank, or at the document's end. */
export interface OutlineSection extends SectionSpan {
  titleStart: number;
  titleEnd: number;
  placeholders: number;
  /** 字数 of the section, children included: its prose, counted as `stats` counts it (docs/counting.md). */
  chars: number;
  children: OutlineSection[];
}

export interface OutlineDocument extends DocumentSpan {
  numberingMode: { level3: DetectedMode; level4: DetectedMode };
  placeholders: number;
  /** 字数 of the document (docs/counting.md). */
  chars: number;
  sections: OutlineSection[];
}

/** The tree of sections, documents first, with per-section placeholder counts and 字数. */
export function outline(model: DocumentModel, config: GongwenConfig = DEFAULT_CONFIG): OutlineDocument[] {
  const placeholders = findPlaceholders(model, config);
  const countIn = (start: number, end: number) => countRange(placeholders, start, end);
  // 字数 from the one counting service, as `stats` and the status bar count it.
  const zishu = proseCounts(model);
  return model.documents.map((doc) => {
    const levels = numberingOf(doc, config.numbering.mode);
    const mode = (level: number): DetectedMode => levels.get(level)?.detected ?? 'none';
    const toSection = (node: SectionNode): OutlineSection => {
      const h = node.heading;
      // Added onto the span: an object spread here built each section in the slow, dictionary form.
      return Object.assign(sectionSpan(node), {
        titleStart: h.titleStart,
        titleEnd: h.titleEnd,
        placeholders: countIn(h.markerStart, node.end),
        chars: zishu.zishu(h.markerStart, node.end),
        children: node.children.map(toSection),
      });
    };
    return Object.assign(documentSpan(doc), {
      numberingMode: { level3: mode(3), level4: mode(4) },
      placeholders: countIn(doc.start, doc.end),
      chars: zishu.zishu(doc.start, doc.end),
      sections: doc.sections.map(toSection),
    });
  });
}

/** Placeholders starting in [start, end), by binary search over the sorted list. */
function countRange(sorted: Placeholder[], start: number, end: number): number {
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lowerBound(end) - lowerBound(start);
}
