/**
 * Decodes a report file read through `workspace.fs`: BOM-marked UTF-8/UTF-16, else strict UTF-8, else GB18030
 * (VS Code's runtime has full ICU). Undefined for binary data (NUL bytes without a UTF-16 BOM).
 */
export function decodeReport(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return undefined;
    }
  }
}
