// The comments of a copy as LibreOffice reads it: a flat ODF text (`soffice --convert-to fodt`) parsed for its
// annotations. Shared by the tests of the `.docx` writer and of `gongwen check --annotate`.
import { SaxesParser } from 'saxes';

export interface OdfAnnotation {
  creator: string;
  text: string;
  /** The text between the annotation and its end (spaces, tabs and line breaks included). */
  anchored: string;
}

/** Annotations of a flat ODF text: author, text, and the text between the annotation and its end. */
export function odfAnnotations(fodt: string): OdfAnnotation[] {
  const out: Array<OdfAnnotation & { name: string; open: boolean }> = [];
  const parser = new SaxesParser();
  let inAnnotation: (typeof out)[number] | undefined;
  let field = '';
  const anchor = (s: string) => out.filter((x) => x.open).forEach((a) => (a.anchored += s));
  parser.on('opentag', (tag) => {
    const name = String(tag.attributes['office:name'] ?? '');
    if (tag.name === 'office:annotation') {
      inAnnotation = { creator: '', text: '', anchored: '', name, open: true };
      out.push(inAnnotation);
    } else if (tag.name === 'office:annotation-end') {
      const a = out.find((x) => x.name === name);
      if (a) a.open = false;
    } else if (inAnnotation) {
      if (tag.name === 'dc:creator') field = 'creator';
      if (tag.name === 'text:p') {
        field = 'p';
        if (inAnnotation.text) inAnnotation.text += '\n';
      }
    } else if (tag.name === 'text:s') anchor(' '.repeat(Number(tag.attributes['text:c'] ?? 1)));
    else if (tag.name === 'text:tab') anchor('\t');
    else if (tag.name === 'text:line-break') anchor('\n');
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'office:annotation') inAnnotation = undefined;
    if (tag.name === 'dc:creator' || tag.name === 'text:p') field = '';
  });
  parser.on('text', (t) => {
    if (inAnnotation) {
      if (field === 'creator') inAnnotation.creator += t;
      else if (field === 'p') inAnnotation.text += t;
    } else anchor(t);
  });
  parser.write(fodt).close();
  return out.map(({ creator, text, anchored }) => ({ creator, text, anchored }));
}
