/** Word export of a parsed report: pure (no editor, no file system). */
export { exportDocx, buildDocument, STYLE, type ExportOptions } from './docx';
export { exportBlockers, type ExportBlockers } from './gate';
export { recogniseParts, exportableDocuments, attachedDocuments, issuingDate, type DocumentParts } from '../core/structure/parts';
