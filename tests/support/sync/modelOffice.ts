/**
 * The office in a sync model test: a supervisor's or admin's client that speaks the wire
 * protocol directly (src/protocol/wire.ts) over HTTP, as a fourth writer beside the devices.
 * Like the office's app, it stays open all day: it keeps what it pulled and its cursor, pulls
 * before every action (so its changes are based on the versions it last saw), numbers its
 * changes 1, 2, 3... and stamps them with its own clock node. It is the only writer of deletes: the field app never deletes. Its network is
 * reliable; any answer other than "applied" is a failure of the test.
 */
import { encodeHlc, HLC_ZERO, tickHlc, type HlcState } from '../../../src/domain/hlc';
import type { EntityRecord } from '../../../src/protocol/entities';
import {
  PROTOCOL_VERSION,
  PULL_PAGE_MAX,
  pullResponseSchema,
  pushResponseSchema,
  type Mutation,
} from '../../../src/protocol/wire';
import type { Clock } from './modelClient';

export type OfficeChange = Pick<Mutation, 'kind' | 'entityId' | 'op' | 'patientId' | 'values'>;

export class ModelOffice {
  private lastNo = 0;
  private hlc: HlcState = HLC_ZERO;
  private cursor: string | null = null;
  /** Everything pulled so far, by `kind:id`; tombstones included. */
  readonly records = new Map<string, EntityRecord>();

  constructor(
    readonly deviceId: string,
    private readonly baseUrl: string,
    /** The office's session (an admin who works every territory): the whole organisation is in scope. */
    readonly token: string,
    private readonly clock: Clock,
  ) {}

  /** The number of the office's last change; the server must have settled exactly these. */
  get lastMutationNo(): number {
    return this.lastNo;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`office ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Downloads everything that changed since the office's cursor; returns what it received. */
  async pull(): Promise<EntityRecord[]> {
    const received: EntityRecord[] = [];
    for (let page = 0; page < 100; page++) {
      const body = pullResponseSchema.parse(
        await this.post('/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, cursor: this.cursor, limit: PULL_PAGE_MAX }),
      );
      received.push(...body.records);
      for (const r of body.records) {
        const key = `${r.kind}:${r.id}`;
        if ((this.records.get(key)?.version ?? -1) < r.version) this.records.set(key, r);
      }
      this.cursor = body.cursor;
      if (!body.hasMore) return received;
    }
    throw new Error('office pull did not finish');
  }

  /** Moves a patient to another territory, as the office's tools do. */
  async move(patientId: string, territoryId: string): Promise<void> {
    await this.post(`/api/office/patients/${patientId}/territory`, { territoryId });
  }

  /** Sends changes in one batch, each based on the version last pulled; returns them as sent. */
  async push(changes: readonly OfficeChange[]): Promise<Mutation[]> {
    const mutations = changes.map((change): Mutation => {
      const now = this.clock.now();
      this.hlc = tickHlc(this.hlc, now.getTime());
      this.lastNo += 1;
      return {
        ...change,
        no: this.lastNo,
        mutationId: `${this.deviceId}-${this.lastNo}`,
        baseVersion: this.records.get(`${change.kind}:${change.entityId}`)?.version ?? 0,
        hlc: encodeHlc(this.hlc, this.deviceId),
        at: now.toISOString(),
      };
    });
    const body = pushResponseSchema.parse(
      await this.post('/api/sync/push', { protocolVersion: PROTOCOL_VERSION, deviceId: this.deviceId, mutations }),
    );
    if (body.settledThrough !== this.lastNo || body.results.some((r) => r.status !== 'applied')) {
      throw new Error(`office push not applied: ${JSON.stringify(body.results)} for ${JSON.stringify(mutations)}`);
    }
    return mutations;
  }
}
