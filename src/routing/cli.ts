/**
 * CLI entry: `npm run -s plan -- FILE` (or `-` for stdin). Prints the plan JSON on stdout and
 * nothing else; a bad problem prints a plain message naming the field on stderr and exits 2.
 * The only file of src/routing that does I/O or reads the clock.
 */
import { readFileSync } from 'node:fs';
import { planFromText } from './planText';

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (file === undefined || argv.length > 1) {
    process.stderr.write('usage: npm run -s plan -- FILE   (FILE = problem JSON, or - for stdin)\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const result = planFromText(text, { now: () => performance.now() });
  if (!result.ok) {
    process.stderr.write(`invalid problem: ${result.message}\n`);
    return 2;
  }
  process.stdout.write(`${result.json}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
