import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const LIBS = join(__dirname, '../../../libs');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * The OpenAPI document names each schema after its class: two classes of one name in different libs
 * become one schema, and the typed web client then describes one of them wrongly (a milestone's
 * review once came out as the committee's). Every exported class name is therefore unique.
 */
describe('exported class names', () => {
  it('are unique across the libraries', () => {
    const seen = new Map<string, string[]>();
    for (const file of sources(LIBS)) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/^export class (\w+)/gm)) {
        seen.set(name, [...(seen.get(name) ?? []), file.slice(LIBS.length + 1)]);
      }
    }
    expect([...seen].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
