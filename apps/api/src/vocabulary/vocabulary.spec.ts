import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { projectRoot } from '@vgbf/config';
import { ENUMERATION_SOURCES } from './enumeration-sources';
import { buildVocabulary, enumerationLabels, foldForSearch } from './vocabulary';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every exported `const X = ['a', 'b', …spread]` list of string literals in the libs, read from the source. */
function exportedStringLists(): Map<string, string[]> {
  const raw = new Map<string, ts.ArrayLiteralExpression>();
  const libs = join(projectRoot(), 'libs');
  for (const lib of readdirSync(libs)) {
    for (const file of sourceFiles(join(libs, lib, 'src'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        for (const declaration of statement.declarationList.declarations) {
          let init = declaration.initializer;
          while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
          if (!init || !ts.isArrayLiteralExpression(init) || !ts.isIdentifier(declaration.name)) continue;
          if (!init.elements.some((e) => ts.isStringLiteral(e))) continue;
          raw.set(declaration.name.text, init);
        }
      }
    }
  }
  const resolve = (name: string): string[] =>
    raw.get(name)!.elements.flatMap((e) => {
      if (ts.isStringLiteral(e)) return [e.text];
      if (ts.isSpreadElement(e) && ts.isIdentifier(e.expression) && raw.has(e.expression.text)) {
        return resolve(e.expression.text);
      }
      throw new Error(`${name}: cannot read element ${e.getText()}`);
    });
  return new Map([...raw.keys()].map((name) => [name, resolve(name)]));
}

describe(buildVocabulary.name, () => {
  const lists = exportedStringLists();
  const labels = enumerationLabels();

  it('finds the enumerations in the source (the reader works)', () => {
    expect(lists.get('APPLICATION_STATUSES')).toContain('under_review');
    expect(lists.get('SESSION_TOPICS')).toContain('operations_logistics');
    expect(lists.get('SELECTION_SCORE_KINDS')).toEqual(['normalized', 'raw', 'interview']);
  });

  it('maps every exported list of the libs to an enumeration or marks it as never shown', () => {
    const unmapped = [...lists.keys()].filter((name) => !(name in ENUMERATION_SOURCES));
    expect(unmapped).toEqual([]);
    const gone = Object.keys(ENUMERATION_SOURCES).filter((name) => !lists.has(name));
    expect(gone).toEqual([]);
  });

  it('labels every value of every enumeration in Vietnamese and English', () => {
    const missing: string[] = [];
    for (const [name, enumeration] of Object.entries(ENUMERATION_SOURCES)) {
      if (!enumeration) continue;
      for (const value of lists.get(name) ?? []) {
        const label = labels[enumeration]?.[value];
        if (!label?.vi?.trim()) missing.push(`${enumeration}.${value} (${name}): vi`);
        if (!label?.en?.trim()) missing.push(`${enumeration}.${value} (${name}): en`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no label for a value no enumeration holds (no stale words)', () => {
    const known = new Map<string, Set<string>>();
    for (const [name, enumeration] of Object.entries(ENUMERATION_SOURCES)) {
      if (!enumeration) continue;
      const values = known.get(enumeration) ?? new Set<string>();
      for (const value of lists.get(name) ?? []) values.add(value);
      known.set(enumeration, values);
    }
    const stale = Object.entries(labels).flatMap(([enumeration, values]) =>
      Object.keys(values)
        .filter((value) => !known.get(enumeration)?.has(value))
        .map((value) => `${enumeration}.${value}`),
    );
    expect(stale).toEqual([]);
  });

  it('serves provinces, hubs, countries and languages with both names, and a version that follows the content', () => {
    const vocabulary = buildVocabulary();
    expect(vocabulary.provinces).toHaveLength(63);
    expect(vocabulary.provinces.find((p) => p.search === 'ha noi')).toMatchObject({ value: 'Hà Nội', region: 'North' });
    expect(vocabulary.hubs.find((h) => h.value === 'KR')).toEqual({ value: 'KR', vi: 'Hàn Quốc', en: 'South Korea' });
    expect(vocabulary.countries.find((c) => c.value === 'JP')).toEqual({ value: 'JP', vi: 'Nhật Bản', en: 'Japan' });
    expect(vocabulary.languages.find((l) => l.value === 'ko')).toEqual({ value: 'ko', vi: 'Tiếng Hàn', en: 'Korean' });
    for (const list of [vocabulary.hubs, vocabulary.rubricCriteria, vocabulary.milestoneKinds, vocabulary.countries]) {
      for (const label of list) expect(label.vi && label.en).toBeTruthy();
    }
    expect(buildVocabulary().version).toBe(vocabulary.version);
  });

  it('folds Vietnamese names for search: diacritics and đ, case and spaces', () => {
    expect(foldForSearch('  Đà Nẵng ')).toBe('da nang');
    expect(foldForSearch('Thừa Thiên Huế')).toBe('thua thien hue');
  });
});
