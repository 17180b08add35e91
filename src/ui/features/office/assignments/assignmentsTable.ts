/**
 * The Assignments table's cells in the reader's language, and its CSV export from the same
 * data, through the office's one CSV writer (csv.ts).
 */
import type { AssignmentsResponse, AssignmentSpecialist } from '../../../../protocol/officeAssignments';
import type { Locale } from '../../../i18n/I18n';
import { csvFile } from '../csv';
import { ASSIGNMENTS_TEXT } from './assignmentsText';

export const ASSIGNMENT_COLUMNS = ['specialist', 'territories', 'coverages'] as const;

export function assignmentRow(s: AssignmentSpecialist, locale: Locale): Record<(typeof ASSIGNMENT_COLUMNS)[number], string> {
  const text = ASSIGNMENTS_TEXT[locale];
  return {
    specialist: s.name,
    territories: s.territories.length === 0 ? text.noTerritory : s.territories.map((t) => t.name).join('; '),
    coverages: s.coverages.length === 0 ? text.noCoverage : s.coverages.map((c) => text.coverage(c.territoryName, c.from, c.to, c.current)).join('; '),
  };
}

/** A header row in the reader's language, then one line per specialist. */
export function assignmentsCsv(value: AssignmentsResponse, locale: Locale): string {
  const text = ASSIGNMENTS_TEXT[locale];
  return csvFile([
    ASSIGNMENT_COLUMNS.map((c) => text.column[c]),
    ...value.specialists.map((s) => {
      const row = assignmentRow(s, locale);
      return ASSIGNMENT_COLUMNS.map((c) => row[c]);
    }),
  ]);
}
