/** Describes the machine a benchmark ran on, for the report header. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export function describeMachine(chromiumPath?: string): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    `- CPU: ${cpu}, ${os.cpus().length} cores`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}`,
  ];
  if (chromiumPath) {
    try {
      lines.push(`- ${execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim()} (headless)`);
    } catch {
      lines.push(`- Chromium at ${chromiumPath}`);
    }
  }
  return lines.join('\n');
}
