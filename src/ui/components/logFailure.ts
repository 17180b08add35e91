/**
 * The one way the UI reports an unexpected failure to the console: what failed and the
 * error's name only. An error's message or stack may quote what was being read or written
 * (a patient's name, a note's text), and the console is no place for patient data.
 */
export function logFailure(what: string, error: unknown): void {
  console.error(`${what} failed: ${error instanceof Error ? error.name : typeof error}`);
}
