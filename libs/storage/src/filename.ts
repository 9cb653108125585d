const MAX_LENGTH = 150;
const FALLBACK = 'document';

/**
 * The uploader's file name made safe to store, list and send back in Content-Disposition: no
 * directories, no control or bidirectional-override characters (which can disguise "cv‮fdp.exe"),
 * none of the characters Windows refuses, NFC, at most 150 characters, and always ending in .pdf
 * (the content was checked to be a PDF, so "cv.exe" is stored as "cv.exe.pdf"). Pure.
 */
export function sanitizeFilename(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/\s+/g, ' ')
    // Control and invisible format characters (Cf holds the bidirectional overrides).
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim();
  // No leading dot: a stored ".htaccess" or ".bashrc" could mean something to whoever saves it.
  const stem =
    cleaned
      .replace(/\.pdf$/i, '')
      .replace(/^[.\s]+/, '')
      .trimEnd() || FALLBACK;
  // Counted in code points, so a cut never splits a character.
  return `${Array.from(stem)
    .slice(0, MAX_LENGTH - 4)
    .join('')
    .trimEnd()}.pdf`;
}
