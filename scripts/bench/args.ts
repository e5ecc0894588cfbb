/** Command-line handling shared by the benchmarks: a bad argument prints the usage and exits 2. */

export class UsageError extends Error {}

export function positiveInteger(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive integer`);
  return n;
}

export function parseOrExit<T>(parse: (args: string[]) => T, args: string[], usage: string): T {
  try {
    return parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
}
