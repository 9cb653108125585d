/**
 * class-transformer helpers shared by every DTO. Text is stored as given but in Unicode NFC, so
 * "Nguyễn" typed on any keyboard compares and searches the same.
 */
type TransformArgs = { value: unknown };

/** Trims surrounding whitespace. */
export const trimmed = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim() : value);

/** NFC, inner runs of whitespace folded to one space, trimmed: for names and titles. */
export const normalizedText = ({ value }: TransformArgs): unknown =>
  typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value;

/**
 * A whole number from a query string, written in plain decimal digits ("25", "-1"); anything else
 * ("1e308", "0x10", " 5", "1.5", "") becomes NaN, which @IsInt refuses. Use with @IsInt, @Min, @Max.
 */
export const queryInteger = ({ value }: TransformArgs): unknown => {
  if (typeof value !== 'string') return value;
  return /^[+-]?\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
};
