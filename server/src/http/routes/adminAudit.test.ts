/**
 * Reading the audit trail: filters, keyset paging newest first, and the CSV export (RFC 4180
 * quoting; cells a spreadsheet would run as formulas are defused). Only administrators, and
 * only their own organisation's events.
 */
import { beforeEach, expect, it } from 'vitest';
import { auditPageSchema, type AuditEventRow } from '../../../../src/protocol/admin';
import { useAdminServer } from '../../../test/admin';
import { expectError } from '../../../test/http';
import { describeEachDb } from '../../../test/testDb';
import { csvCell } from '../../admin/auditCsv';
import { recordAudit } from '../../audit/recordAudit';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const ACTOR = { orgId: 'org-1', userId: 'user-ana', deviceId: 'device-ana-0001', address: '10.0.0.5' };

describeEachDb('admin console: the audit trail', (current) => {
  const { server, tokens } = useAdminServer(current);
  const { call } = server;
  const db = () => current().db;
  const page = async (token: string, query: string) => {
    const res = await call(token, 'GET', `/api/admin/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return auditPageSchema.parse(res.json());
  };

  beforeEach(async () => {
    // Seven reads by Ana a minute apart (two in one instant, to page through ties), one change by Ben.
    for (let i = 0; i < 6; i++) {
      await recordAudit(db(), ACTOR, new Date(T0 + Math.min(i, 4) * 60_000), [
        { action: 'read', entityKind: 'patient', entityId: `pat-n${(i % 3) + 1}`, patientId: `pat-n${(i % 3) + 1}` },
      ]);
    }
    await recordAudit(db(), { ...ACTOR, userId: 'user-ben', deviceId: 'device-ben-0001', address: '=cmd|calc' }, new Date(T0 + 10 * 60_000), [
      { action: 'update', entityKind: 'patient', entityId: 'pat-s1', patientId: 'pat-s1', changes: [{ field: 'bestTimeToCall', before: null, after: '=HYPERLINK("x")' }] },
    ]);
    await recordAudit(db(), { ...ACTOR, orgId: 'org-2', userId: 'user-cam' }, new Date(T0), [{ action: 'read', entityKind: 'patient', entityId: 'pat-e1', patientId: 'pat-e1' }]);
  });

  it('pages newest first by (at, id) without repeating or skipping an event', async () => {
    const seen: AuditEventRow[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const p = await page(tokens.ada, `?limit=2&action=read${next ? `&before=${encodeURIComponent(next)}` : ''}`);
      seen.push(...p.events);
      next = p.next;
      pages++;
    } while (next !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(6);
    expect(new Set(seen.map((e) => e.id)).size).toBe(6);
    const keys = seen.map((e) => [Date.parse(e.at), Number(e.id)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])).toBe(true);
    }
    expect(seen[0]).toMatchObject({ userId: 'user-ana', userName: 'Ana Tester', deviceId: 'device-ana-0001', address: '10.0.0.5' });
  });

  it('filters by time, person, patient, action and kind; never shows another organisation', async () => {
    expect((await page(tokens.ada, '?userId=user-ben')).events.map((e) => e.action)).toEqual(['update']);
    expect((await page(tokens.ada, '?patientId=pat-n1')).events).toHaveLength(2);
    const from = new Date(T0 + 3 * 60_000).toISOString();
    const to = new Date(T0 + 10 * 60_000).toISOString();
    expect((await page(tokens.ada, `?from=${from}&to=${to}`)).events).toHaveLength(3);
    expect((await page(tokens.ada, '?entityKind=device')).events).toEqual([]);
    expect((await page(tokens.ada, '')).events.some((e) => e.patientId === 'pat-e1')).toBe(false);
    // The other organisation's admin sees its own patient's event (and its own sign-ins), nothing of ours.
    expect((await page(tokens.eve, '')).events.flatMap((e) => (e.patientId ? [e.patientId] : []))).toEqual(['pat-e1']);
  });

  it('bad filters are named', async () => {
    expect(expectError(await call(tokens.ada, 'GET', '/api/admin/audit?from=yesterday'), 400, 'bad_request')).toMatch(/^from:/);
    expect(expectError(await call(tokens.ada, 'GET', '/api/admin/audit?limit=5000'), 400, 'bad_request')).toMatch(/^limit:/);
    expect(expectError(await call(tokens.ada, 'GET', '/api/admin/audit?before=1%27%20or%201=1'), 400, 'bad_request')).toMatch(/^before:/);
    expect(expectError(await call(tokens.ada, 'GET', '/api/admin/audit?sort=asc'), 400, 'bad_request')).toMatch(/^sort: unknown field/);
  });

  it('exports CSV as an attachment with quoted cells and formulas defused', async () => {
    const res = await call(tokens.ada, 'GET', '/api/admin/audit.csv?userId=user-ben');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('"at","userId","userName","deviceId","address","action","entityKind","entityId","patientId","changes","detail"');
    expect(lines[1]).toContain(`"user-ben","Ben Tester","device-ben-0001","'=cmd|calc","update","patient","pat-s1","pat-s1"`);
    expect(lines[1]).toContain('""field"":""bestTimeToCall""');
    expect(lines[1]).toContain('""after"":""=HYPERLINK(\\""x\\"")""');
    expect(lines.slice(2)).toEqual(['']);
  });

  it.each([
    ['plain', '"plain"'],
    ['say "hi", then, go\nnext', '"say ""hi"", then, go\nnext"'],
    ['=SUM(A1)', `"'=SUM(A1)"`],
    ['+1 617', `"'+1 617"`],
    ['-2', `"'-2"`],
    ['@cmd', `"'@cmd"`],
    ['\tx', `"'\tx"`],
    [null, '""'],
  ])('a CSV cell of %j is %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('a specialist or supervisor may not read or export it (403)', async () => {
    for (const token of [tokens.ana, tokens.sol]) {
      expectError(await call(token, 'GET', '/api/admin/audit'), 403, 'forbidden');
      expectError(await call(token, 'GET', '/api/admin/audit.csv'), 403, 'forbidden');
    }
  });
});
