import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as ts from 'typescript';
import { projectRoot } from '@vgbf/config';
import { TEMPLATES, renderEmail } from '@vgbf/mail';
import { avoidedWords, readGlossary } from './glossary';
import { enumerationLabels } from './vocabulary';

/** Loads a web catalogue (apps/web/src/i18n/<lang>.ts and the area files it spreads) as plain data. */
function loadCatalogue(file: string, cache = new Map<string, Record<string, unknown>>()): Record<string, unknown> {
  const cached = cache.get(file);
  if (cached) return cached;
  const js = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  const load = (path: string) => loadCatalogue(`${resolve(dirname(file), path)}.ts`, cache);
  runInNewContext(js, { module, exports: module.exports, require: load });
  cache.set(file, module.exports);
  return module.exports;
}

function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => strings(v, path ? `${path}.${key}` : key));
  }
  return [];
}

const catalogue = (language: 'en' | 'vi') =>
  strings(loadCatalogue(join(projectRoot(), 'apps/web/src/i18n', `${language}.ts`))[language]);

describe(readGlossary.name, () => {
  const glossary = readGlossary();

  it('gives every idea one term in each language, never one another idea avoids', () => {
    for (const term of glossary) expect(term.en.trim() && term.vi.trim() && term.meaning.trim()).toBeTruthy();
    for (const language of ['en', 'vi'] as const) {
      const terms = glossary.map((t) => t[language].toLowerCase());
      expect(new Set(terms).size).toBe(terms.length);
      const avoided = new Set(glossary.flatMap((t) => t.avoid[language].map((w) => w.toLowerCase())));
      expect(terms.filter((t) => avoided.has(t))).toEqual([]);
    }
  });

  it('finds an avoided synonym, but not inside the glossary term that contains it', () => {
    expect(avoidedWords('Danh sách nghiên cứu sinh', 'vi', glossary)).toEqual(['nghiên cứu sinh → học viên']);
    expect(avoidedWords('Mốc của thành viên', 'vi', glossary)).toEqual(['thành viên → học viên', 'mốc → cột mốc']);
    expect(avoidedWords('Cột mốc của học viên, thành viên mạng lưới', 'vi', glossary)).toEqual([]);
    expect(avoidedWords('{{mentor}} đã duyệt', 'vi', glossary)).toEqual([]);
    expect(avoidedWords('Why this program?', 'en', glossary)).toEqual(['program → programme']);
  });

  it.each(['vi', 'en'] as const)('the %s web catalogue uses the glossary terms, no avoided synonym', (language) => {
    const texts = catalogue(language);
    expect(texts.length).toBeGreaterThan(500);
    const offending = texts.flatMap(([key, text]) => avoidedWords(text, language, glossary).map((w) => `${key}: ${w}`));
    expect(offending).toEqual([]);
  });

  it('the vocabulary labels use the glossary terms too', () => {
    const offending = Object.entries(enumerationLabels()).flatMap(([name, values]) =>
      Object.entries(values).flatMap(([value, label]) =>
        (['en', 'vi'] as const).flatMap((language) =>
          avoidedWords(label[language], language, glossary).map((w) => `${name}.${value}.${language}: ${w}`),
        ),
      ),
    );
    expect(offending).toEqual([]);
  });

  it('is printed in the README: one row per term, English and Vietnamese as the file has them', () => {
    const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
    const section = /\n## Glossary\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| English'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows.map(([, en, vi]) => ({ en, vi }))).toEqual(glossary.map((t) => ({ en: t.en, vi: t.vi })));
  });
});

describe('the email templates', () => {
  const glossary = readGlossary();

  it.each(['vi', 'en'] as const)('use the glossary terms in %s, no avoided synonym', (language) => {
    const templates = Object.entries(TEMPLATES as Record<string, { sample: Record<string, string> }>);
    expect(templates.length).toBeGreaterThan(20);
    const offending = templates.flatMap(([name, template]) => {
      const mail = renderEmail(name, language, template.sample);
      return avoidedWords(`${mail.subject}\n${mail.text}`, language, glossary).map((w) => `${name}: ${w}`);
    });
    expect(offending).toEqual([]);
  });
});
