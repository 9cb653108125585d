import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { formatInProgramZone } from '@vgbf/core';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { ApplicationView } from '../dto/application.view';
import { PDF_LABELS, type PdfLabels } from './application-pdf.labels';

/** What the PDF shows besides the application itself. */
export interface ApplicationPdfInput {
  view: ApplicationView;
  language: 'vi' | 'en';
  /** Hub code → its name in the applicant's language (and city). */
  hubNames: Map<string, string>;
  generatedAt: Date;
}

// pdf-lib's standard fonts are WinAnsi only: Vietnamese needs an embedded Unicode font. Be Vietnam Pro
// (OFL, from npm, so a clean machine has it) is made for Vietnamese; read once per process.
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function fontBytes(): { regular: Buffer; bold: Buffer } {
  const file = (weight: string) =>
    readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${weight}/BeVietnamPro_${weight}.ttf`));
  fonts ??= { regular: file('400Regular'), bold: file('700Bold') };
  return fonts;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const LABEL_WIDTH = 150;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

/** Control characters a font has no glyph for; tabs become spaces, line breaks stay. */
const clean = (value: string): string =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, '');

/** Lines of at most `width` points: words wrap, a word longer than a line is cut. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of clean(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** A cursor down A4 pages: a new page when the next lines do not fit. */
class Writer {
  private page: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    return this.page;
  }

  private room(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  text(value: string, { size = 10, bold = false, color = INK, x = MARGIN, width = A4[0] - 2 * MARGIN } = {}): void {
    const font = bold ? this.bold : this.regular;
    for (const line of wrap(value, font, size, width)) {
      this.room(size * 1.45);
      this.page.drawText(line, { x, y: this.y - size, size, font, color });
      this.y -= size * 1.45;
    }
  }

  heading(value: string, size = 13): void {
    this.room(size * 3);
    this.y -= size * 0.8;
    this.text(value, { size, bold: true });
    this.y -= 2;
  }

  field(label: string, value: string, muted = false): void {
    const size = 10;
    const valueLines = wrap(value, this.regular, size, A4[0] - 2 * MARGIN - LABEL_WIDTH);
    const labelLines = wrap(label, this.regular, size, LABEL_WIDTH - 8);
    // Keep a short field on one page; a long essay flows over pages line by line.
    if (valueLines.length <= 6) this.room(Math.max(valueLines.length, labelLines.length) * size * 1.45);
    const top = this.y;
    const startPage = this.page;
    labelLines.forEach((line, i) =>
      startPage.drawText(line, { x: MARGIN, y: top - size - i * size * 1.45, size, font: this.regular, color: MUTED }),
    );
    for (const line of valueLines) {
      this.room(size * 1.45);
      this.page.drawText(line, {
        x: MARGIN + LABEL_WIDTH,
        y: this.y - size,
        size,
        font: this.regular,
        color: muted ? MUTED : INK,
      });
      this.y -= size * 1.45;
    }
    if (this.page === startPage) this.y = Math.min(this.y, top - labelLines.length * size * 1.45);
    this.y -= 3;
  }
}

const str = (value: unknown): string | null =>
  typeof value === 'string' ? value || null : typeof value === 'number' ? String(value) : null;

/** The application as a PDF, in the applicant's language: cohort, status, every section, the documents. */
export async function renderApplicationPdf(input: ApplicationPdfInput): Promise<Uint8Array> {
  const { view, language } = input;
  const l: PdfLabels = PDF_LABELS[language];
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const { regular: regularBytes, bold: boldBytes } = fontBytes();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const w = new Writer(doc, regular, bold);
  const fullName = str(view.personal.fullName) ?? '';
  const field = (label: string, value: unknown) => {
    const text = str(value);
    w.field(label, text ?? l.notGiven, text === null);
  };
  const option = (value: unknown) => {
    const code = str(value);
    return code === null ? null : (l.options[code] ?? code);
  };

  doc.setTitle(`${l.title} · ${view.cohortName} · ${fullName}`.trim(), { showInWindowTitleBar: true });
  doc.setSubject(`${l.title} ${view.id}`);
  doc.setLanguage(language === 'vi' ? 'vi-VN' : 'en-GB');
  doc.setCreator('VGBF Cohort');
  doc.setProducer('VGBF Cohort');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);

  w.text(`${l.title} · ${view.cohortName}`, { size: 18, bold: true });
  if (fullName) w.text(fullName, { size: 13 });
  w.heading('', 4);
  w.field(l.cohort, view.cohortName);
  w.field(l.status, l.statuses[view.status]);
  w.field(
    l.submittedAt,
    view.submittedAt ? `${formatInProgramZone(new Date(view.submittedAt))} · ${l.vietnamTime}` : l.notGiven,
    !view.submittedAt,
  );

  const p = view.personal;
  w.heading(l.sections.personal);
  field(l.fields.fullName, p.fullName);
  field(l.fields.dateOfBirth, p.dateOfBirth);
  field(l.fields.gender, option(p.gender));
  field(l.fields.province, p.province);
  field(l.fields.region, option(view.region));
  field(l.fields.phone, p.phone);
  field(l.fields.citizenship, p.citizenship);

  const e = view.enterprise;
  w.heading(l.sections.enterprise);
  field(l.fields.name, e.name);
  field(l.fields.taxCode, e.taxCode);
  field(l.fields.foundingYear, e.foundingYear);
  field(l.fields.sector, option(e.sector));
  field(l.fields.employeesBand, e.employeesBand);
  field(l.fields.revenueBand, option(e.revenueBand));
  field(l.fields.exportMarkets, Array.isArray(e.exportMarkets) ? e.exportMarkets.join(', ') : null);

  const langs = view.languages as { english?: { test: string; score: number }; jlpt?: string; topik?: number };
  w.heading(l.sections.languages);
  field(l.fields.english, langs.english ? `${langs.english.test} ${langs.english.score}` : null);
  field(l.fields.jlpt, langs.jlpt);
  field(l.fields.topik, langs.topik);
  field(l.fields.other, view.languages.other);

  w.heading(l.sections.hubs);
  if (view.hubPreferences.length === 0) field(l.choice(1), null);
  view.hubPreferences.forEach((code, i) => field(l.choice(i + 1), input.hubNames.get(code) ?? code));

  w.heading(l.sections.essays);
  for (const key of ['motivation', 'marketEntryPlan', 'ambassador'] as const) {
    w.text(l.fields[key] ?? key, { bold: true, size: 10 });
    const essay = str(view.essays[key]);
    w.text(essay ?? l.notGiven, { color: essay ? INK : MUTED });
    w.heading('', 3);
  }

  w.heading(l.sections.referees);
  const referees = view.referees as Array<{ name?: string; email?: string; relation?: string }>;
  if (referees.length === 0) field(l.referee(1), null);
  referees.forEach((r, i) => field(l.referee(i + 1), [r.name, r.email, r.relation].filter(Boolean).join(' · ')));

  w.heading(l.sections.documents);
  if (view.documents.length === 0) w.text(l.noDocuments, { color: MUTED });
  for (const d of view.documents) field(l.documentKinds[d.kind] ?? d.kind, d.filename);

  const pages = doc.getPages();
  const footer = `${l.generatedAt} ${formatInProgramZone(input.generatedAt)} · ${l.vietnamTime}`;
  pages.forEach((page, i) => {
    page.drawText(footer, { x: MARGIN, y: MARGIN - 20, size: 8, font: regular, color: MUTED });
    const number = l.page(i + 1, pages.length);
    page.drawText(number, {
      x: A4[0] - MARGIN - regular.widthOfTextAtSize(number, 8),
      y: MARGIN - 20,
      size: 8,
      font: regular,
      color: MUTED,
    });
  });
  return doc.save();
}
