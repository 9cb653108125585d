/** RFC 5987 `ext-value` encoding: UTF-8, percent-encoded except attr-chars. */
const encodeExtValue = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A plain-ASCII stand-in for clients that ignore `filename*`: diacritics dropped, anything unsafe replaced. */
function asciiFallback(filename: string): string {
  return filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/**
 * `Content-Disposition: attachment` naming the file, in both forms (RFC 6266): `filename` in ASCII
 * for old clients and `filename*` in UTF-8 (RFC 5987), so "Hồ sơ Nguyễn Văn An.pdf" survives.
 */
export function attachmentDisposition(filename: string): string {
  return `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}
