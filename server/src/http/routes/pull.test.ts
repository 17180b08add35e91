import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TerritoryId } from '../../../../src/domain/ids';
import { PULL_PAGE_DEFAULT, type PullResponse } from '../../../../src/protocol/wire';
import {
  fixtureDataset,
  idsInScope,
  NORTH,
  NORTH_PATIENTS,
  otherOrgDataset,
  SOUTH,
  SOUTH_PATIENTS,
} from '../../../test/fixtures';
import { expectError, pull, pullAll, pullPage, signIn } from '../../../test/http';
import { describeEachDb, settle } from '../../../test/testDb';
import { ACCESS_LIFETIME_MS } from '../../auth/sessions';
import { compareCursors, cursorKeyOf, decodeCursor, encodeCursor, type CursorKey, type PullCursor } from '../../changes/cursor';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const dataset = fixtureDataset();
const ids = (pages: PullResponse[]) => pages.flatMap((p) => p.records.map((r) => r.id));
const cursorOf = (key: CursorKey, text: string): PullCursor => {
  const decoded = decodeCursor(key, text);
  if (!decoded.ok) throw new Error(`server issued a malformed cursor ${text}`);
  return decoded.cursor;
};

describeEachDb('POST /api/sync/pull', (current) => {
  let app: FastifyInstance;
  let clock = new Date('2026-11-20T09:30:00.000Z');

  // Signing in runs scrypt (slow on purpose): one session per user, until the next reload.
  const sessions = new Map<string, Promise<string>>();
  const tokenOf = (username: string) => {
    const token = sessions.get(username) ?? signIn(app, username, `device-${username}-shared`);
    sessions.set(username, token);
    return token;
  };
  const reload = async () => {
    sessions.clear();
    await current().reset();
    await loadDataset(current().db, dataset);
    await loadDataset(current().db, otherOrgDataset());
    await settle(current().db);
  };

  // Loading hashes passwords (slow on purpose), so the fixture is loaded once; only the
  // tests under "after changes" write to it, and they reload around themselves.
  beforeAll(async () => {
    app = await buildApp({ db: current().db, version: 'test', now: () => clock });
    await reload();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    clock = new Date('2026-11-20T09:30:00.000Z');
  });

  describe('needs a valid session', () => {
    it('401 without a token', async () => {
      expect(expectError(await pull(app, null, {}), 401, 'unauthorized')).toBe('Sign in first');
    });

    it('401 with a token the server never issued', async () => {
      expectError(await pull(app, 'A'.repeat(43), {}), 401, 'unauthorized');
      expectError(await pull(app, 'not a token', {}), 401, 'unauthorized');
    });

    it('401 once the access token has expired', async () => {
      const token = await signIn(app, 'ana');
      clock = new Date(clock.getTime() + ACCESS_LIFETIME_MS + 1);
      expect(expectError(await pull(app, token, {}), 401, 'unauthorized')).toMatch(/sign in again/);
    });

    it('403 device_revoked once the device has been revoked (the app then wipes itself)', async () => {
      const token = await signIn(app, 'ana', 'device-to-revoke');
      await pullPage(app, token, {});
      await current().db.query("update devices set revoked_at = $1 where id = 'device-to-revoke'", [clock]);
      expect(expectError(await pull(app, token, {}), 403, 'device_revoked')).toMatch(/signed out by an administrator/);
    });
  });

  describe('validates the request', () => {
    it('400 unsupported_protocol for another protocol version', async () => {
      const token = await tokenOf('ana');
      expect(expectError(await pull(app, token, { protocolVersion: 99 }), 400, 'unsupported_protocol')).toMatch(/update the app/);
    });

    it.each([
      ['not base64', 'not a cursor!'],
      ['base64 of garbage', Buffer.from('garbage').toString('base64url')],
      ['a cursor of the wrong shape', Buffer.from('{"t":"abc","v":1}').toString('base64url')],
      ['[T1] an unsigned cursor from the start', Buffer.from('{"t":"0","v":0}').toString('base64url')],
      ['[T1] a cursor signed by another server', `${Buffer.from('{"t":"0","v":0}').toString('base64url')}.${'A'.repeat(43)}`],
    ])('400 naming cursor for a malformed cursor: %s', async (_name, cursor) => {
      const token = await tokenOf('ana');
      expect(expectError(await pull(app, token, { cursor }), 400, 'bad_request')).toMatch(/^cursor: /);
    });

    it.each([
      [{ cursor: 5 }, /^cursor: /],
      [{ limit: 0 }, /^limit: /],
      [{ limit: 5000 }, /^limit: /],
      [{ since: 1 }, /^since: unknown field$/],
      [{ protocolVersion: '1' }, /^protocolVersion: /],
    ])('400 naming the field for %j', async (body, message) => {
      const token = await tokenOf('ana');
      expect(expectError(await pull(app, token, body), 400, 'bad_request')).toMatch(message);
    });
  });

  describe('scope', () => {
    it('a specialist gets exactly their territory: its patients, everything they own, and the facilities', async () => {
      const token = await tokenOf('ana');
      const pages = await pullAll(app, token, null);
      expect(ids(pages).sort()).toEqual(idsInScope(dataset, [NORTH]));
      expect(pages[0]?.territories).toEqual([{ id: NORTH, name: 'North' }]);
    });

    it('a specialist in North never receives anything of South', async () => {
      const token = await tokenOf('ana');
      const received = new Set(ids(await pullAll(app, token, null)));
      const south = idsInScope(dataset, [SOUTH]).filter((id) => !id.startsWith('fac-'));
      expect(south.filter((id) => received.has(id))).toEqual([]);
      expect(SOUTH_PATIENTS.some((id) => received.has(id))).toBe(false);
    });

    it('a supervisor gets only the territories they work themselves, not their team nor the organisation', async () => {
      const sol = await pullAll(app, await tokenOf('sol'), null);
      expect(ids(sol).sort()).toEqual(idsInScope(dataset, [NORTH]));
      expect(sol[0]?.territories.map((t) => t.id)).toEqual([NORTH]);
      const sue = await pullAll(app, await tokenOf('sue'), null);
      expect(ids(sue).sort()).toEqual(idsInScope(dataset, []));
      expect(sue[0]?.territories).toEqual([]);
    });

    it('an administrator, who works no territory, gets no patients', async () => {
      const pages = await pullAll(app, await tokenOf('ada'), null);
      expect(ids(pages).sort()).toEqual(idsInScope(dataset, []));
      expect(pages[0]?.territories).toEqual([]);
    });

    it('records are in the wire shape, with the entity as loaded', async () => {
      const token = await tokenOf('ana');
      const records = (await pullAll(app, token, null)).flatMap((p) => p.records);
      const first = records.find((r) => r.id === NORTH_PATIENTS[0]);
      expect(first).toMatchObject({ kind: 'patient', deleted: false, data: dataset.patients[0] });
      const kinds = ['patient', 'careGap', 'appointment', 'facility', 'contactPoint', 'caregiver', 'barrier', 'goal', 'task'];
      expect(new Set(records.map((r) => r.kind))).toEqual(new Set(kinds));
    });
  });

  describe('paging and the cursor', () => {
    const title = 'pages of %i concatenate to the whole scope, no duplicates, cursor always advancing';
    it.each([1, 2, 3, 7, PULL_PAGE_DEFAULT])(title, async (limit) => {
      const token = await tokenOf('sol');
      const pages = await pullAll(app, token, null, limit);
      const all = ids(pages);
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual(idsInScope(dataset, [NORTH]));
      for (const page of pages) expect(page.records.length).toBeLessThanOrEqual(limit);
      expect(pages.slice(0, -1).every((p) => p.hasMore && p.records.length === limit)).toBe(true);
      const key = await cursorKeyOf(current().db);
      const cursors = pages.map((p) => cursorOf(key, p.cursor));
      for (let i = 1; i < cursors.length; i++) {
        expect(compareCursors(cursors[i]!, cursors[i - 1]!)).toBeGreaterThan(0);
      }
    });

    it('records within and across pages come in (txid, version) order', async () => {
      const token = await tokenOf('sol');
      const versions = (await pullAll(app, token, null, 4)).flatMap((p) => p.records.map((r) => r.version));
      // The fixture loads in one transaction, so version order is delivery order here.
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
    });

    it('an idle pull returns nothing and a cursor that does not move backwards', async () => {
      const token = await tokenOf('ana');
      const [last] = (await pullAll(app, token, null)).slice(-1);
      const idle = await pullPage(app, token, { cursor: last!.cursor });
      expect(idle.records).toEqual([]);
      expect(idle.hasMore).toBe(false);
      const key = await cursorKeyOf(current().db);
      expect(compareCursors(cursorOf(key, idle.cursor), cursorOf(key, last!.cursor))).toBeGreaterThanOrEqual(0);
    });

    it('a cursor from the future stays where it is', async () => {
      const token = await tokenOf('ana');
      const future = encodeCursor(await cursorKeyOf(current().db), { txid: 999999999999n, version: 3 });
      const page = await pullPage(app, token, { cursor: future });
      expect(page.records).toEqual([]);
      expect(page.cursor).toBe(future);
    });
  });

  describe('after changes', () => {
    beforeEach(reload);
    afterAll(reload);

    it('a specialist with no territory gets only the facilities', async () => {
      await current().db.query("delete from user_territories where user_id = 'user-ana'");
      const token = await tokenOf('ana');
      const pages = await pullAll(app, token, null);
      expect(ids(pages).sort()).toEqual(idsInScope(dataset, [] as TerritoryId[]));
      expect(pages[0]?.territories).toEqual([]);
    });

    it('after the cursor: a later update comes again, with a higher version', async () => {
      const { db } = current();
      const token = await tokenOf('ana');
      const first = await pullAll(app, token, null);
      const before = first.flatMap((p) => p.records).find((r) => r.id === NORTH_PATIENTS[1]);
      await db.query(`update patients set data = jsonb_set(data, '{portal}', '"active"') where id = $1`, [NORTH_PATIENTS[1]]);
      await settle(db);
      const next = await pullAll(app, token, first.at(-1)!.cursor);
      const records = next.flatMap((p) => p.records);
      expect(records.map((r) => r.id)).toEqual([NORTH_PATIENTS[1]]);
      expect(records[0]?.version).toBeGreaterThan(before!.version);
      expect(records[0]).toMatchObject({ kind: 'patient', data: { portal: 'active' } });
    });

    it('a deleted record comes as a tombstone without data', async () => {
      const { db } = current();
      const token = await tokenOf('ana');
      const first = await pullAll(app, token, null);
      const gapId = dataset.careGaps.find((g) => g.patientId === NORTH_PATIENTS[0])!.id;
      await db.query('update care_gaps set deleted = true where id = $1', [gapId]);
      await settle(db);
      const records = (await pullAll(app, token, first.at(-1)!.cursor)).flatMap((p) => p.records);
      expect(records).toEqual([{ kind: 'careGap', id: gapId, version: expect.any(Number), deleted: true, data: null }]);
    });

    it('changes outside the scope do not reach the specialist', async () => {
      const { db } = current();
      const token = await tokenOf('ana');
      const first = await pullAll(app, token, null);
      await db.query(`update patients set data = jsonb_set(data, '{rpm}', '"active"') where id = $1`, [SOUTH_PATIENTS[0]]);
      await settle(db);
      expect(ids(await pullAll(app, token, first.at(-1)!.cursor))).toEqual([]);
    });
  });
});
