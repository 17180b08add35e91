/**
 * Writes one section of BENCHMARKS.md in place (a run of one bench leaves the others' figures
 * as they were): `block` starts with its `## ` heading and replaces the section of that
 * heading, up to the next `## `; a section not there yet is added at the end.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function replaceSection(path: string, block: string): void {
  const heading = block.slice(0, block.indexOf('\n'));
  const text = readFileSync(path, 'utf8');
  const body = `${block.trimEnd()}\n`;
  const at = text.indexOf(`${heading}\n`);
  if (at < 0) {
    writeFileSync(path, `${text.trimEnd()}\n\n${body}`);
    return;
  }
  const next = text.indexOf('\n## ', at + heading.length);
  writeFileSync(path, `${text.slice(0, at)}${body}${next < 0 ? '' : text.slice(next)}`);
}
