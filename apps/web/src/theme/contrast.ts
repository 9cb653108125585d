/** WCAG 2.x contrast, for the theme to pick text colours that reach AA (4.5:1) on their background. */

export const AA_TEXT = 4.5;

function channels(hex: string): [number, number, number] {
  const value = parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The first candidate (lightest first) with AA contrast on the background; when none has it, the
 * last one darkened step by step until it does.
 */
export function readableOn(background: string, candidates: readonly string[]): string {
  const found = candidates.find((colour) => contrast(colour, background) >= AA_TEXT);
  if (found) return found;
  let rgb = channels(candidates[candidates.length - 1] ?? '#000000');
  let colour = toHex(rgb);
  while (contrast(colour, background) < AA_TEXT) {
    rgb = [rgb[0] * 0.95, rgb[1] * 0.95, rgb[2] * 0.95];
    colour = toHex(rgb);
  }
  return colour;
}
