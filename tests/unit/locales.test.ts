import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const read = (lang: string): Messages =>
  JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8')) as Messages;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name))
    .map((f) => join(f.parentPath, f.name));
}

describe('UI strings', () => {
  const en = read('en');
  const de = read('de');

  it('are complete in German', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message, placeholders }] of Object.entries(en)) {
      expect(Object.keys(de[key]?.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(placeholders ?? {}).sort(),
      );
      for (const name of Object.keys(placeholders ?? {})) {
        expect(message.toLowerCase(), key).toContain(`$${name}$`);
        expect(de[key]?.message.toLowerCase(), key).toContain(`$${name}$`);
      }
    }
  });

  it('exist for every key the UI asks for', () => {
    const files = [...sourceFiles('components'), ...sourceFiles('entrypoints')];
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, key] of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) {
        if (key && !(key in en) && !key.startsWith('@@')) missing.push(`${file}: ${key}`);
      }
      for (const [, key] of text.matchAll(/\btn\('([A-Za-z0-9_]+)'/g)) {
        for (const form of ['one', 'other'])
          if (!(`${key}_${form}` in en)) missing.push(`${file}: ${key}_${form}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
