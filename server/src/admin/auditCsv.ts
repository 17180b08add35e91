/**
 * The audit trail as CSV (RFC 4180: every cell quoted, quotes doubled, CRLF line ends).
 * A cell a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
 * return) is prefixed with ' so opening the file runs nothing a user typed.
 */
import type { AuditEventRow, AuditQuery } from '../../../src/protocol/admin';
import type { Db } from '../db/db';
import { readAuditPage } from './auditTrail';

/** Enough for any investigation; a larger export is narrowed with the filters. */
export const AUDIT_CSV_MAX_ROWS = 100_000;
const PAGE = 1000;

const HEADER = ['at', 'userId', 'userName', 'deviceId', 'address', 'action', 'entityKind', 'entityId', 'patientId', 'changes', 'detail'] as const;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '""';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function eventLine(e: AuditEventRow): string {
  return csvLine([e.at, e.userId, e.userName, e.deviceId, e.address, e.action, e.entityKind, e.entityId, e.patientId, e.changes, e.detail]);
}

export async function auditCsv(db: Db, orgId: string, query: AuditQuery): Promise<string> {
  const lines = [csvLine(HEADER)];
  let before = query.before;
  let count = 0;
  for (;;) {
    const page = await readAuditPage(db, orgId, { ...query, before, limit: PAGE });
    for (const e of page.events) {
      if (count >= AUDIT_CSV_MAX_ROWS) return lines.join('');
      lines.push(eventLine(e));
      count++;
    }
    if (page.next === null) return lines.join('');
    before = page.next;
  }
}
