/**
 * The Assignments table's cells and CSV: territories and coverages in the reader's language,
 * a header row in that language, cells a spreadsheet would run as formulas neutralised.
 */
import { describe, expect, it } from 'vitest';
import type { AssignmentsResponse } from '../../../../protocol/officeAssignments';
import { assignmentRow, assignmentsCsv } from './assignmentsTable';

const value: AssignmentsResponse = {
  today: '2026-12-07',
  territories: [{ id: 'ter-n', name: 'North', patientCount: 3 }],
  specialists: [
    {
      id: 'u-ana',
      name: 'Ana Field',
      territories: [{ id: 'ter-n', name: 'North' }],
      coverages: [],
    },
    {
      id: 'u-ben',
      name: '=Ben, "B"',
      territories: [],
      coverages: [
        { id: 'c1', userId: 'u-ben', userName: 'Ben', territoryId: 'ter-n', territoryName: 'North', from: '2026-12-07', to: '2026-12-09', createdBy: 'u-sol', createdAt: '2026-12-06T10:00:00.000Z', current: true },
      ],
    },
  ],
};

describe('the assignments table', () => {
  it('says territories and coverages in words, in English and Spanish', () => {
    expect(assignmentRow(value.specialists[1]!, 'en')).toEqual({ specialist: '=Ben, "B"', territories: 'None', coverages: 'North, 2026-12-07 to 2026-12-09 (now)' });
    expect(assignmentRow(value.specialists[1]!, 'es').coverages).toBe('North, del 2026-12-07 al 2026-12-09 (ahora)');
  });
  it('saves as CSV with a header in the reader’s language, quoting and no formulas', () => {
    const csv = assignmentsCsv(value, 'es');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Especialista,Territorios,Cubriendo',
      'Ana Field,North,Ninguna',
      `"'=Ben, ""B""",Ninguno,"North, del 2026-12-07 al 2026-12-09 (ahora)"`,
      '',
    ]);
  });
});
