/**
 * The date parser, bundled and run inside a real browser page, so the E2E suites can
 * show that Chrome and Firefox read the seed's formats to the same instants as Node.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export { DATE_CASES } from '../date-cases';

const ENTRY = fileURLToPath(new URL('../../utils/extract/dates.ts', import.meta.url));

/** An IIFE that defines `globalThis.backstoryDates` with the module's exports. */
export async function datesBundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: 'backstoryDates',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Runs in the page: parses every input with the bundled parser. */
export function parseInPage(inputs: string[]): (string | null)[] {
  const dates = (globalThis as unknown as { backstoryDates: typeof import('../../utils/extract/dates') })
    .backstoryDates;
  return inputs.map((input) => dates.parseDate(input));
}
