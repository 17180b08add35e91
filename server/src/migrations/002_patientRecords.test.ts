/**
 * Migration 2 on a database that already holds data in the shape of migration 1: patients with
 * embedded contacts and caregivers. Nothing may be lost, every result must pass the new wire
 * schemas, and a device that pulled the old shape must receive the new one.
 */
import { beforeAll, expect, it } from 'vitest';
import { caregiverSchema, contactPointSchema, ENTITY_KINDS, entityRecordSchema, patientSchema } from '../../../src/protocol/entities';
import { describeEachDb, settle } from '../../test/testDb';
import type { PullCursor } from '../changes/cursor';
import { pullChanges } from '../changes/pullChanges';
import type { Db } from '../db/db';
import { MIGRATIONS } from './index';
import { migrate } from './migrate';

const ORG = 'org-old';
const TERRITORY = 'ter-old';

/** A patient as migration 1 stored it; written out in full, since the old type is gone. */
function oldPatient(id: string, portal: string, contacts: object[], caregivers: object[]) {
  return {
    id,
    territoryId: TERRITORY,
    mrn: `MRN-${id}`,
    givenName: 'Rosa',
    familyName: 'Almeida',
    birthDate: '1948-03-14',
    sex: 'female',
    language: 'pt',
    interpreterNeeded: true,
    address: { line1: '12 Shirley Ave', line2: 'Apt 3', city: 'Revere', state: 'MA', postalCode: '02151', location: { lat: 42.41, lng: -71.0 } },
    facilityId: null,
    room: null,
    accessNotes: 'Ring twice',
    contacts,
    caregivers,
    portal,
    rpm: 'offered',
    lastContactAt: '2026-10-02T14:30:00.000Z',
    nextDueDate: '2026-12-01',
    noShowFollowUp: false,
  };
}

const contact = (id: string, channel: string, value: string, consent: string) => ({
  id,
  channel,
  use: channel === 'email' ? 'home' : 'mobile',
  value,
  consent,
  consentAt: consent === 'granted' ? '2025-05-06T15:00:00.000Z' : null,
});

const OLD = [
  oldPatient(
    'pat-old-1',
    'invited',
    [contact('cp-1-1', 'phone', '+17815550101', 'granted'), contact('cp-1-2', 'sms', '+17815550101', 'declined'), contact('cp-1-3', 'email', 'rosa@example.com', 'unknown')],
    [
      { id: 'cg-1-1', name: 'Ana Almeida', relationship: 'daughter', phone: '+17815550102', primary: true },
      { id: 'cg-1-2', name: 'Joe Neighbor', relationship: 'neighbor', phone: null, primary: false },
    ],
  ),
  oldPatient('pat-old-2', 'active', [], []),
  oldPatient('pat-old-3', 'not_enrolled', [contact('cp-3-1', 'phone', '+16175550103', 'unknown')], []),
];
const DELETED = 'pat-old-3';

const FIRST = MIGRATIONS.filter((m) => m.id === 1);

async function drain(db: Db, from: PullCursor) {
  const scope = { orgId: ORG as never, territoryIds: [TERRITORY as never] };
  const records = [];
  let cursor = from;
  for (;;) {
    const page = await pullChanges(db, { scope, after: cursor, limit: 3 });
    records.push(...page.records);
    cursor = page.cursor;
    if (!page.hasMore) return { records, cursor };
  }
}

describeEachDb(
  'migration 2 upgrades data written under migration 1',
  (current) => {
    let upToDate: PullCursor;
    let versionsBefore: Map<string, number>;

    beforeAll(async () => {
      const { db } = current();
      expect(await migrate(db, FIRST)).toEqual({ applied: [1] });
      await db.query('insert into orgs (id, name) values ($1, $2)', [ORG, 'Old Health']);
      await db.query('insert into territories (id, org_id, name) values ($1, $2, $3)', [TERRITORY, ORG, 'Old']);
      for (const p of OLD) {
        await db.query('insert into patients (id, org_id, territory_id, data, deleted) values ($1, $2, $3, $4::jsonb, $5)', [
          p.id,
          ORG,
          TERRITORY,
          JSON.stringify(p),
          p.id === DELETED,
        ]);
      }
      await settle(db);
      // Today's pull cannot run against the old schema; a device that was up to date holds
      // the watermark cursor that pull issued then (see pullChanges.ts).
      const [mark] = await db.query<{ xmin: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin');
      upToDate = { txid: BigInt(mark!.xmin), version: 0 };
      const rows = await db.query<{ id: string; version: number }>('select id, version from patients');
      versionsBefore = new Map(rows.map((r) => [r.id, r.version]));
      expect(await migrate(db)).toEqual({ applied: MIGRATIONS.filter((m) => m.id > 1).map((m) => m.id) });
      await settle(db);
    });

    it('moves every embedded contact and caregiver into its own record, as it was plus the new fields', async () => {
      const { db } = current();
      const rows = await db.query<{ kind: string; id: string; patient_id: string; data: unknown; deleted: boolean }>(
        'select kind, id, patient_id, data, deleted from patient_records order by kind, id',
      );
      const expected = OLD.flatMap((p) => [
        ...p.caregivers.map((c) => ({
          kind: 'caregiver',
          id: (c as { id: string }).id,
          patient_id: p.id,
          data: { ...c, patientId: p.id, removed: false },
          deleted: p.id === DELETED,
        })),
        ...p.contacts.map((c) => ({
          kind: 'contactPoint',
          id: (c as { id: string }).id,
          patient_id: p.id,
          data: { ...c, patientId: p.id, consentBy: null, removed: false },
          deleted: p.id === DELETED,
        })),
      ]).sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : 1));
      expect(rows).toEqual(expected);
      for (const r of rows) (r.kind === 'caregiver' ? caregiverSchema : contactPointSchema).parse(r.data);
    });

    it('leaves each patient as it was, without the arrays, with portal steps from its status', async () => {
      const { db } = current();
      const rows = await db.query<{ id: string; data: Record<string, unknown>; deleted: boolean }>('select id, data, deleted from patients order by id');
      const steps = {
        invited: { emailCreated: true, accountActivated: false, firstLoginTaught: false },
        active: { emailCreated: true, accountActivated: true, firstLoginTaught: true },
        not_enrolled: { emailCreated: false, accountActivated: false, firstLoginTaught: false },
      } as Record<string, object>;
      expect(rows).toEqual(
        OLD.map(({ contacts: _c, caregivers: _g, ...rest }) => ({
          id: rest.id,
          data: { ...rest, bestTimeToCall: null, portalSteps: steps[rest.portal] },
          deleted: rest.id === DELETED,
        })),
      );
      for (const r of rows) patientSchema.parse(r.data);
    });

    it('gives devices that pulled the old shape the new one, and only valid records', async () => {
      const { db } = current();
      const after = await drain(db, upToDate);
      const ids = after.records.map((r) => `${r.kind}/${r.id}`).sort();
      const childIds = OLD.flatMap((p) => [
        ...p.contacts.map((c) => `contactPoint/${(c as { id: string }).id}`),
        ...p.caregivers.map((c) => `caregiver/${(c as { id: string }).id}`),
      ]);
      expect(ids).toEqual([...OLD.map((p) => `patient/${p.id}`), ...childIds].sort());
      for (const r of after.records) {
        entityRecordSchema.parse(r);
        if (r.kind === 'patient') expect(r.version).toBeGreaterThan(versionsBefore.get(r.id)!);
      }
      // The deleted patient and its children arrive as tombstones.
      expect(after.records.filter((r) => r.deleted).map((r) => r.id).sort()).toEqual(['cp-3-1', DELETED]);
    });

    it('accepts exactly the patient-owned kinds of the wire protocol that have no table of their own', async () => {
      const { db } = current();
      const [check] = await db.query<{ def: string }>(
        "select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'patient_records'::regclass and contype = 'c'",
      );
      const allowed = [...(check?.def ?? '').matchAll(/'(\w+)'::text/g)].map((m) => m[1]);
      const ownTable = new Set(['patient', 'facility', 'careGap', 'appointment']);
      expect(allowed.sort()).toEqual(ENTITY_KINDS.filter((k) => !ownTable.has(k)).sort());
    });
  },
  { migrate: false },
);
