/**
 * Helpers for push tests: building numbered changes the way a device would, sending them,
 * and reading back what the database holds (rows with their versions and field stamps).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { canonicalJson, noteContent, type ContactNote } from '../../src/domain/contactNote';
import { encodeHlc } from '../../src/domain/hlc';
import { PROTOCOL_VERSION, pushResponseSchema, type Mutation, type PushResponse } from '../../src/protocol/wire';
import type { Db } from '../src/db/db';

export const BASE_TIME = new Date('2026-11-20T09:30:00.000Z');

/** A clock stamp `ms` after BASE_TIME on `node`. */
export function hlcAt(ms: number, node: string, counter = 0): string {
  return encodeHlc({ wallMs: BASE_TIME.getTime() + ms, counter }, node);
}

export type ChangeSpec = Pick<Mutation, 'kind' | 'entityId' | 'patientId'> & Partial<Omit<Mutation, 'no'>>;

/** Change number `no`, an update at BASE_TIME based on version 0 unless the spec says otherwise. */
export function change(no: number, spec: ChangeSpec): Mutation {
  return {
    no,
    mutationId: randomUUID(),
    op: 'update',
    baseVersion: 0,
    hlc: hlcAt(no, 'node-test'),
    values: {},
    at: BASE_TIME.toISOString(),
    ...spec,
  };
}

/** Numbers `specs` from `first` on. */
export function changes(first: number, specs: readonly ChangeSpec[]): Mutation[] {
  return specs.map((spec, i) => change(first + i, spec));
}

export function pushRaw(app: FastifyInstance, token: string, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}` }, payload: body as object });
}

export async function push(app: FastifyInstance, token: string, deviceId: string, mutations: readonly Mutation[]): Promise<PushResponse> {
  const res = await pushRaw(app, token, { protocolVersion: PROTOCOL_VERSION, deviceId, mutations });
  expect(res.statusCode, res.body).toBe(200);
  return pushResponseSchema.parse(res.json());
}

export interface RowState {
  readonly table: string;
  readonly kind: string;
  readonly id: string;
  readonly version: number;
  readonly deleted: boolean;
  readonly data: Record<string, unknown>;
  readonly stamps: Record<string, { h: string; v: number; by: string; d: string }>;
}

const ROWS_SQL = `
  select 'patients' as table, 'patient' as kind, id, version, deleted, data, field_stamps as stamps from patients
  union all select 'care_gaps', 'careGap', id, version, deleted, data, field_stamps from care_gaps
  union all select 'appointments', 'appointment', id, version, deleted, data, field_stamps from appointments
  union all select 'patient_records', kind, id, version, deleted, data, field_stamps from patient_records`;

/** Every row devices can write, in a stable order: the whole synced state. */
export function allRows(db: Db): Promise<RowState[]> {
  return db.query<RowState>(`${ROWS_SQL} order by 1, 2, 3`);
}

/**
 * Rows without their versions: what a refused change must leave as it was. A refusal may give
 * the record a new version (S7a: the server sends it again so the device drops its own copy).
 */
export function contentOf<T extends RowState | undefined>(rows: T | readonly RowState[]) {
  const strip = (r: RowState) => ({ ...r, version: undefined });
  if (rows === undefined) return undefined;
  return Array.isArray(rows) ? rows.map(strip) : strip(rows as RowState);
}

export async function row(db: Db, kind: string, id: string): Promise<RowState | undefined> {
  return (await db.query<RowState>(`select * from (${ROWS_SQL}) r where kind = $1 and id = $2`, [kind, id]))[0];
}

export async function settledMark(db: Db, deviceId: string): Promise<number | null> {
  const rows = await db.query<{ settled: number }>('select settled_through as settled from device_mutations where device_id = $1', [deviceId]);
  return rows[0]?.settled ?? null;
}

export function sealed(note: ContactNote): ContactNote {
  const contentHash = createHash('sha256').update(canonicalJson(noteContent(note))).digest('hex');
  return { ...note, contentHash };
}
