/**
 * Rules for the regular expressions of the content script's extraction code, measured in
 * headless Chromium: V8 compiles a literal inside a function again once the collector has run
 * twice since its last use (the content script extracts again on every client-side navigation),
 * `matchAll` and `split` compile a copy of their expression on every call, and a `\p{…}` class
 * costs 0.3–0.7 ms to compile on each fresh page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../../utils/extract');

/** Literals left inside functions on purpose: paths that run only on their own, rare input. */
const RARE_PATHS = new Set([
  'text.ts cleanTitle', // only for titles holding Markdown (tested for first with one module constant)
  'adapters/hankookilbo.ts patch', // only on that site
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

interface Finding {
  where: string;
  what: string;
}

/** What in one source file breaks the rules above. */
function inspect(name: string, text: string): Finding[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const visit = (node: ts.Node, fn: string | null): void => {
    if (ts.isFunctionLike(node)) fn = node.name?.getText(source) ?? fn ?? '(anonymous)';
    const where = `${name}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const code = node.getText(source);
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && fn && !RARE_PATHS.has(`${name} ${fn}`))
      found.push({ where, what: `literal inside ${fn}: ${code}` });
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['matchAll', 'split'].includes(node.expression.name.text)
    ) {
      const arg = node.arguments[0];
      const isString = !!arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg));
      // stripSiteName splits only the social or document title, and only when no declared headline agrees.
      if (!isString && `${name} ${fn}` !== 'headline.ts stripSiteName')
        found.push({ where, what: `${node.expression.name.text} with an expression` });
    }
    const literal =
      node.kind === ts.SyntaxKind.RegularExpressionLiteral ||
      ts.isStringLiteral(node) ||
      ts.isTemplateLiteral(node);
    // The one allowed: the emoji-aware joiner expression, run only on text holding U+200D.
    if (literal && /\\?p\{/.test(code) && !code.includes('Extended_Pictographic'))
      found.push({ where, what: `Unicode property class: ${code.slice(0, 60)}` });
    ts.forEachChild(node, (child) => visit(child, fn));
  };
  visit(source, null);
  return found;
}

describe('regular expressions in utils/extract', () => {
  it('are module constants, are not copied by matchAll or split, and use no Unicode property classes', () => {
    const files = sources(ROOT);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => inspect(relative(ROOT, file), readFileSync(file, 'utf8')))).toEqual([]);
  });

  it.each([
    ['const f = (s: string) => /a+/.test(s);', 'literal inside (anonymous): /a+/'],
    ['export function g(s: string) { return s.split(SEP_RE); }', 'split with an expression'],
    ['const h = (s: string) => [...s.matchAll(ALL_RE)];', 'matchAll with an expression'],
    ['const RE = /[\\p{L}]/u;', 'Unicode property class: /[\\p{L}]/u'],
    ["const RE = new RegExp('[^\\\\p{L}]', 'u');", "Unicode property class: '[^\\\\p{L}]'"],
  ])('finds %j', (code, what) => {
    expect(inspect('x.ts', code).map((f) => f.what)).toEqual([what]);
  });

  it('leaves module constants, string splits and the joiner expression alone', () => {
    const code =
      "const A_RE = /a+/g;\nconst J_RE = new RegExp('\\\\p{Extended_Pictographic}', 'u');\n" +
      "export const f = (s: string) => A_RE.test(s) && s.split(' ').length > 2;";
    expect(inspect('x.ts', code)).toEqual([]);
  });
});
