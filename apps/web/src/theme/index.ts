import { type CSSVariablesResolver, DEFAULT_THEME, createTheme } from '@mantine/core';
import { readableOn } from './contrast';

/**
 * The app's Mantine theme, built for WCAG 2.2 AA contrast (4.5:1 for text):
 * - the primary colour is indigo's shade 7 (5.0:1 on white; Mantine's default shade 6 is 4.3:1);
 * - text on a filled colour is black or white, whichever reads (autoContrast at the luminance where
 *   both reach 4.5:1), so a yellow or green badge keeps legible text;
 * - coloured text (`c="green"`, outline and subtle variants, links) and the text of light variants
 *   use, per colour, the first shade from the primary shade on that reaches 4.5:1 on its background
 *   (darkened where even shade 9 does not: yellow, lime, orange);
 * - dimmed text is gray 7 (8.2:1; Mantine's gray 6 is 3.3:1).
 * e2e/accessibility.spec.ts checks every page with axe in both languages.
 */
const PRIMARY_SHADE = 7;

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: PRIMARY_SHADE, dark: 8 },
  autoContrast: true,
  // Above this luminance black text reaches 4.5:1, below it white does.
  luminanceThreshold: 0.179,
  // System fonts that carry every Vietnamese diacritic; nothing is downloaded.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
});

const WHITE = '#ffffff';
/** Text sits on white or on gray 0 (table stripes, light cards): colours are chosen for the darker one. */
const PAGE = DEFAULT_THEME.colors.gray[0];

/** The readable text colours of every palette colour, in the light scheme (the only one the app uses). */
function readableColours(): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
    const fromPrimary = shades.slice(PRIMARY_SHADE);
    const onWhite = readableOn(PAGE, fromPrimary);
    variables[`--mantine-color-${name}-text`] = onWhite;
    variables[`--mantine-color-${name}-outline`] = onWhite;
    // Light variants: text on shade 1, hovered on shade 2.
    variables[`--mantine-color-${name}-light-color`] = readableOn(shades[2], shades.slice(8));
  }
  return variables;
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...readableColours(),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': readableOn(WHITE, DEFAULT_THEME.colors.indigo.slice(PRIMARY_SHADE)),
  },
  dark: {},
});
