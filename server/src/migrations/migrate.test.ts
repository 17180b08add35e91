import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/testDb';
import { MIGRATIONS } from './index';
import { migrate } from './migrate';

const allIds = MIGRATIONS.map((m) => m.id);

describeEachDb(
  'migrations',
  (current) => {
    it('apply every migration once and record it', async () => {
      const { db } = current();
      expect(await migrate(db)).toEqual({ applied: allIds });
      const recorded = await db.query<{ id: number; name: string }>('select id, name from schema_migrations order by id');
      expect(recorded).toEqual(MIGRATIONS.map(({ id, name }) => ({ id, name })));
    });

    it('are idempotent: a second run applies nothing and changes nothing', async () => {
      const { db } = current();
      expect(await migrate(db)).toEqual({ applied: [] });
      expect(await db.query('select id from schema_migrations')).toHaveLength(allIds.length);
    });

    it('apply a new migration appended to the list, and only that one', async () => {
      const { db } = current();
      const next = { id: 1000, name: 'probe', sql: 'create table migration_probe (id int primary key)' };
      expect(await migrate(db, [...MIGRATIONS, next])).toEqual({ applied: [1000] });
      expect(await db.query('select * from migration_probe')).toEqual([]);
    });

    it('roll back a failing migration entirely, recording nothing', async () => {
      const { db } = current();
      const broken = { id: 1001, name: 'broken', sql: 'create table half_done (id int); select no_such_function()' };
      await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_function/);
      expect(await db.query("select 1 from information_schema.tables where table_name = 'half_done'")).toEqual([]);
      expect(await db.query('select 1 from schema_migrations where id = 1001')).toEqual([]);
    });
  },
  { migrate: false },
);

describeEachDb(
  'migrations run concurrently',
  (current) => {
    it('apply each migration exactly once when two servers start together', async () => {
      const { db } = current();
      const [a, b] = await Promise.all([migrate(db), migrate(db)]);
      expect([...(a?.applied ?? []), ...(b?.applied ?? [])].sort((x, y) => x - y)).toEqual(allIds);
      expect(await db.query('select id from schema_migrations')).toHaveLength(allIds.length);
    });
  },
  { migrate: false },
);
