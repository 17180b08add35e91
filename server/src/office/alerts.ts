/**
 * The office's alerts as a supervisor's tasks (docs/METRICS.md "Alerts"): computed on each
 * read for the caller's team, from typed tables, with the organisation's thresholds
 * (migration 17):
 * - no_sync: a specialist of the team with no push or pull (sync_events, server clock) for
 *   more than `alertNoSyncDays`, or never;
 * - contact_drop: a specialist whose signed contacts this ISO week fall below
 *   `alertContactDropPercent` % of their usual week (the mean of the previous 4 weeks)
 *   pro-rated to the time elapsed, once a day of the week has passed and the usual week is at
 *   least CONTACT_DROP_MIN_BASELINE contacts (contact_facts);
 * - escalation_unacknowledged: an escalation of a team patient still open past the
 *   organisation's acknowledgement time (the same rule as the queue's "overdue");
 * - patient_unreached: a team patient with at least one contact attempt whose last reached
 *   contact (or, never reached, whose first attempt) is more than `alertUnreachedDays` old
 *   (contact_facts, patients); at most UNREACHED_LIST_MAX listed, longest first, with the total.
 *
 * Supervisors only (`team.act`): alerts are tasks to act on, and two kinds name patients, which
 * an administrator does not read. The alerts listed that name patients are recorded as reads
 * of those patients. A supervisor marks an alert done or snoozes it; only that is stored
 * (`office_alert_states`, by the alert's key, audited). A key is the kind, the subject's id
 * and the period the alert is about, so a new episode (a later week, a sync then a new
 * silence, a reach then a new silence) is a new alert even after the last one was done.
 * Knows nothing of HTTP; routes/officeAlerts.ts answers with it.
 */
import type { OrgSettings } from '../../../src/protocol/admin';
import type {
  AlertsResponse,
  AlertStepResponse,
  ContactDropAlert,
  EscalationAlert,
  NoSyncAlert,
  OfficeAlert,
  UnreachedAlert,
} from '../../../src/protocol/officeAlerts';
import {
  ALERT_KINDS,
  ALERT_SNOOZE_MAX_DAYS,
  CONTACT_DROP_BASELINE_WEEKS,
  CONTACT_DROP_MIN_BASELINE,
  UNREACHED_LIST_MAX,
} from '../../../src/protocol/officeAlerts';
import { readSettings } from '../admin/settings';
import { recordAudit } from '../audit/recordAudit';
import { authorize, type Actor } from '../auth/policy';
import { authorFromSession } from '../changes/writeRecord';
import type { Db } from '../db/db';
import { isoWeekLabel, WEEK_MS, weekStartOf } from './alertsWeek';
import type { OfficeOutcome, OfficeRequest } from './escalations';
import { syncFreshness } from './syncFreshness';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

/** Null when the actor may work alerts at all; otherwise why not (403). */
export function alertsRefusal(actor: Actor): OfficeOutcome<never> | null {
  const decision = authorize(actor, 'team.act', { type: 'org', orgId: actor.orgId });
  return decision.allowed ? null : { ok: false, code: decision.code, message: decision.message };
}

const NOT_FOUND = { ok: false, code: 'not_found', message: 'No such alert in your team: it may have cleared' } as const;

/**
 * What to compute: the open alerts only, or every alert whatever its handling. `patientId`
 * narrows to that patient's unreached alert alone; an `unreachedLimit` of 0 leaves unreached
 * patients out.
 */
interface Compute {
  readonly openOnly: boolean;
  readonly unreachedLimit: number;
  readonly patientId: string | null;
}

interface Computed {
  readonly alerts: OfficeAlert[];
  readonly unreachedTotal: number;
}

export async function listAlerts(req: OfficeRequest): Promise<OfficeOutcome<AlertsResponse>> {
  const refused = alertsRefusal(req.actor);
  if (refused) return refused;
  const settings = await readSettings(req.db, req.actor.orgId);
  const { alerts, unreachedTotal } = await computeAlerts(req.db, req.actor, req.now, settings, { openOnly: true, unreachedLimit: UNREACHED_LIST_MAX, patientId: null });
  const patients = [...new Set(alerts.flatMap((a) => (a.kind === 'patient_unreached' || a.kind === 'escalation_unacknowledged' ? [a.patient.id] : [])))];
  await recordAudit(req.db, authorFromSession(req.actor, req.address), req.now, patients.map((patientId) => ({ action: 'read', entityKind: 'patient', entityId: patientId, patientId })));
  const shownUnreached = alerts.filter((a) => a.kind === 'patient_unreached').length;
  return {
    ok: true,
    value: { dataAsOf: req.now.toISOString(), alerts, unreachedTotal, openTotal: alerts.length - shownUnreached + unreachedTotal },
  };
}

export type AlertStep = { readonly kind: 'done' } | { readonly kind: 'snooze'; readonly until: Date };

/** Marks one of the team's alerts done, or hides it until a time; audited. */
export async function handleAlert(req: OfficeRequest, key: string, step: AlertStep): Promise<OfficeOutcome<AlertStepResponse>> {
  const refused = alertsRefusal(req.actor);
  if (refused) return refused;
  const kind = key.slice(0, key.indexOf(':'));
  if (!(ALERT_KINDS as readonly string[]).includes(kind)) return { ok: false, code: 'bad_request', message: 'key: not an alert key from this server' };
  if (step.kind === 'snooze') {
    const ms = step.until.getTime() - req.now.getTime();
    if (ms <= 0) return { ok: false, code: 'bad_request', message: 'until: must be in the future (server time)' };
    if (ms > ALERT_SNOOZE_MAX_DAYS * DAY_MS) return { ok: false, code: 'bad_request', message: `until: at most ${ALERT_SNOOZE_MAX_DAYS} days ahead` };
  }
  const { actor } = req;
  return req.db.transaction(async (tx): Promise<OfficeOutcome<AlertStepResponse>> => {
    const settings = await readSettings(tx, actor.orgId);
    // The key must name an alert of this team now: the computation is the scope check.
    const patientId = kind === 'patient_unreached' ? key.slice(key.indexOf(':') + 1, key.lastIndexOf(':')) : null;
    const { alerts } = await computeAlerts(tx, actor, req.now, settings, { openOnly: false, unreachedLimit: patientId === null ? 0 : 1, patientId });
    const alert = alerts.find((a) => a.key === key);
    if (!alert) return NOT_FOUND;
    const until = step.kind === 'snooze' ? step.until : null;
    await tx.query(
      `insert into office_alert_states (org_id, alert_key, state, snoozed_until, handled_by, handled_at) values ($1, $2, $3, $4, $5, $6)
       on conflict (org_id, alert_key) do update set state = excluded.state, snoozed_until = excluded.snoozed_until,
         handled_by = excluded.handled_by, handled_at = excluded.handled_at`,
      [actor.orgId, key, step.kind === 'done' ? 'done' : 'snoozed', until, actor.userId, req.now],
    );
    const patient = alert.kind === 'patient_unreached' || alert.kind === 'escalation_unacknowledged' ? alert.patient.id : null;
    await recordAudit(tx, authorFromSession(actor, req.address), req.now, [
      {
        action: `office.alert.${step.kind}`,
        entityKind: 'office_alert',
        entityId: key,
        patientId: patient,
        detail: { kind: alert.kind, ...(until ? { until: until.toISOString() } : {}) },
      },
    ]);
    return { ok: true, value: { key, state: step.kind === 'done' ? 'done' : 'snoozed', snoozedUntil: until?.toISOString() ?? null } };
  });
}

async function computeAlerts(db: Db, actor: Actor, now: Date, settings: OrgSettings, options: Compute): Promise<Computed> {
  const people = await db.query<{ id: string; name: string }>(
    `select id, name from users where org_id = $1 and id = any($2::text[]) and disabled_at is null and role = 'specialist' order by name, id`,
    [actor.orgId, [...actor.teamUserIds]],
  );
  const territories = [...actor.teamTerritoryIds];
  const narrowed = options.patientId !== null;
  const [noSync, drops, escalations, unreached] = await Promise.all([
    narrowed ? [] : noSyncAlerts(db, actor.orgId, people, now, settings.alertNoSyncDays),
    narrowed ? [] : contactDropAlerts(db, actor.orgId, people, now, settings.alertContactDropPercent),
    narrowed ? [] : escalationAlerts(db, actor.orgId, territories, now, settings.escalationAckMinutes),
    options.unreachedLimit === 0 ? { alerts: [], total: 0 } : unreachedAlerts(db, actor.orgId, territories, now, settings.alertUnreachedDays, options),
  ]);
  const computed = [...noSync, ...drops, ...escalations];
  const open = options.openOnly ? await withoutHandled(db, actor.orgId, computed, now) : computed;
  const alerts = [...open, ...unreached.alerts].sort(newestFirst);
  return { alerts, unreachedTotal: unreached.total };
}

/** Newest `since` first; an alert whose start is unknown (never synced) last; then by key, so the order is stable. */
function newestFirst(a: OfficeAlert, b: OfficeAlert): number {
  if (a.since !== b.since) {
    if (a.since === null) return 1;
    if (b.since === null) return -1;
    return Date.parse(b.since) - Date.parse(a.since);
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Drops the alerts a supervisor marked done, or snoozed until after `now`. */
async function withoutHandled<A extends OfficeAlert>(db: Db, orgId: string, alerts: readonly A[], now: Date): Promise<A[]> {
  if (alerts.length === 0) return [];
  const handled = await db.query<{ key: string }>(
    `select alert_key as key from office_alert_states
      where org_id = $1 and alert_key = any($2::text[]) and (state = 'done' or snoozed_until > $3)`,
    [orgId, alerts.map((a) => a.key), now],
  );
  const hidden = new Set(handled.map((h) => h.key));
  return alerts.filter((a) => !hidden.has(a.key));
}

const iso = (d: Date) => d.toISOString();
const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

async function noSyncAlerts(db: Db, orgId: string, people: readonly { id: string; name: string }[], now: Date, days: number): Promise<NoSyncAlert[]> {
  const freshness = await syncFreshness(db, { orgId, userIds: people.map((p) => p.id) });
  const alerts: NoSyncAlert[] = [];
  for (const [i, f] of freshness.entries()) {
    const specialist = people[i]!;
    const last = [f.lastPushAt, f.lastPullAt].filter((d): d is Date => d !== null).reduce<Date | null>((a, b) => (a === null || b > a ? b : a), null);
    if (last === null) {
      alerts.push({ kind: 'no_sync', key: `no_sync:${specialist.id}:never`, since: null, specialist, lastSyncAt: null, days: null, thresholdDays: days });
    } else if (now.getTime() - last.getTime() > days * DAY_MS) {
      alerts.push({
        kind: 'no_sync',
        key: `no_sync:${specialist.id}:${iso(last)}`,
        since: iso(new Date(last.getTime() + days * DAY_MS)),
        specialist,
        lastSyncAt: iso(last),
        days: Math.floor((now.getTime() - last.getTime()) / DAY_MS),
        thresholdDays: days,
      });
    }
  }
  return alerts;
}

async function contactDropAlerts(db: Db, orgId: string, people: readonly { id: string; name: string }[], now: Date, percent: number): Promise<ContactDropAlert[]> {
  const weekStart = weekStartOf(now);
  const elapsed = now.getTime() - weekStart.getTime();
  // Not judged on the week's first day: a few hours are too few to call a drop.
  if (elapsed < DAY_MS || people.length === 0) return [];
  const baselineStart = new Date(weekStart.getTime() - CONTACT_DROP_BASELINE_WEEKS * WEEK_MS);
  const rows = await db.query<{ userId: string; thisWeek: number | string; previous: number | string }>(
    `select author_id as "userId",
            count(*) filter (where contact_at >= $3) as "thisWeek",
            count(*) filter (where contact_at < $3) as previous
       from contact_facts
      where org_id = $1 and author_id = any($2::text[]) and contact_at >= $4 and contact_at < $5
      group by author_id`,
    [orgId, people.map((p) => p.id), weekStart, baselineStart, new Date(weekStart.getTime() + WEEK_MS)],
  );
  const byUser = new Map(rows.map((r) => [r.userId, { thisWeek: Number(r.thisWeek), previous: Number(r.previous) }]));
  const alerts: ContactDropAlert[] = [];
  for (const specialist of people) {
    const counts = byUser.get(specialist.id) ?? { thisWeek: 0, previous: 0 };
    const usualWeek = counts.previous / CONTACT_DROP_BASELINE_WEEKS;
    const expected = (usualWeek * elapsed) / WEEK_MS;
    if (usualWeek < CONTACT_DROP_MIN_BASELINE || counts.thisWeek >= (expected * percent) / 100) continue;
    const week = isoWeekLabel(now);
    alerts.push({
      kind: 'contact_drop',
      key: `contact_drop:${specialist.id}:${week}`,
      since: iso(weekStart),
      specialist,
      week,
      contactsThisWeek: counts.thisWeek,
      expected: Math.round(expected),
      usualWeek: Math.round(usualWeek * 10) / 10,
      thresholdPercent: percent,
    });
  }
  return alerts;
}

interface EscalationRow {
  readonly id: string;
  readonly patientId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly raisedAt: Date | string;
  readonly raisedByName: string | null;
}

const displayName = (given: string | null, family: string | null) => [given, family].filter(Boolean).join(' ');

async function escalationAlerts(db: Db, orgId: string, territories: readonly string[], now: Date, ackMinutes: number): Promise<EscalationAlert[]> {
  if (territories.length === 0) return [];
  // Escalations are records (jsonb) with no typed projection of their status yet: the partial
  // index of migration 13 finds them per patient, and only the team's patients are read.
  const rows = await db.query<EscalationRow>(
    `select r.id, r.patient_id as "patientId", p.data->>'givenName' as "givenName", p.data->>'familyName' as "familyName",
            (r.data->>'raisedAt')::timestamptz as "raisedAt", r.data->>'raisedBy' as "raisedByName"
       from patients p
       join patient_records r on r.patient_id = p.id and r.kind = 'escalation' and not r.deleted
      where p.org_id = $1 and p.territory_id = any($2::text[]) and not p.deleted
        and coalesce(r.data->>'status', 'open') = 'open'
        and (r.data->>'raisedAt')::timestamptz < $3`,
    [orgId, [...territories], new Date(now.getTime() - ackMinutes * MINUTE_MS)],
  );
  return rows.map((r) => {
    const raisedAt = asDate(r.raisedAt);
    return {
      kind: 'escalation_unacknowledged',
      key: `escalation_unacknowledged:${r.id}`,
      since: iso(new Date(raisedAt.getTime() + ackMinutes * MINUTE_MS)),
      escalationId: r.id,
      patient: { id: r.patientId, name: displayName(r.givenName, r.familyName) },
      raisedAt: iso(raisedAt),
      raisedByName: r.raisedByName ?? '',
      ageMinutes: Math.floor((now.getTime() - raisedAt.getTime()) / MINUTE_MS),
      ackMinutes,
    };
  });
}

interface UnreachedRow {
  readonly key: string;
  readonly id: string;
  readonly territoryId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly lastReached: Date | string | null;
  readonly lastAttempt: Date | string;
  readonly anchor: Date | string;
  readonly attempts: number | string;
  readonly total: number | string;
}

/**
 * The unreached patients, longest first, up to `limit`, with how many there are in all. The
 * key is computed in SQL (the last reach as whole epoch seconds, or `never`), so the handled
 * ones are left out before the cap and the total.
 */
async function unreachedAlerts(
  db: Db,
  orgId: string,
  territories: readonly string[],
  now: Date,
  days: number,
  options: Compute,
): Promise<{ alerts: UnreachedAlert[]; total: number }> {
  if (territories.length === 0) return { alerts: [], total: 0 };
  const rows = await db.query<UnreachedRow>(
    `with worked as (
       select p.id, p.territory_id, p.data->>'givenName' as given_name, p.data->>'familyName' as family_name,
              max(c.contact_at) filter (where c.reached) as last_reached,
              max(c.contact_at) as last_attempt,
              min(c.contact_at) as first_attempt
         from patients p
         join contact_facts c on c.patient_id = p.id and c.org_id = p.org_id
        where p.org_id = $1 and p.territory_id = any($2::text[]) and not p.deleted
          and ($5::text is null or p.id = $5)
        group by p.id, p.territory_id, p.data
     ), flagged as (
       select w.*, coalesce(w.last_reached, w.first_attempt) as anchor,
              'patient_unreached:' || w.id || ':' || coalesce(floor(extract(epoch from w.last_reached))::bigint::text, 'never') as key
         from worked w
        where coalesce(w.last_reached, w.first_attempt) < $3
     ), open as (
       select f.* from flagged f
         left join office_alert_states s on s.org_id = $1 and s.alert_key = f.key
        where not $6 or s.alert_key is null or (s.state = 'snoozed' and s.snoozed_until <= $4)
     )
     select o.key, o.id, o.territory_id as "territoryId", o.given_name as "givenName", o.family_name as "familyName",
            o.last_reached as "lastReached", o.last_attempt as "lastAttempt", o.anchor,
            (select count(*) from contact_facts c
              where c.patient_id = o.id and c.org_id = $1 and (o.last_reached is null or c.contact_at > o.last_reached)) as attempts,
            count(*) over () as total
       from open o
      order by o.anchor, o.id
      limit $7`,
    [orgId, [...territories], new Date(now.getTime() - days * DAY_MS), now, options.patientId, options.openOnly, options.unreachedLimit],
  );
  const alerts = rows.map((r): UnreachedAlert => {
    const anchor = asDate(r.anchor);
    return {
      kind: 'patient_unreached',
      key: r.key,
      since: iso(new Date(anchor.getTime() + days * DAY_MS)),
      patient: { id: r.id, name: displayName(r.givenName, r.familyName) },
      territoryId: r.territoryId,
      lastReachedAt: r.lastReached === null ? null : iso(asDate(r.lastReached)),
      lastAttemptAt: iso(asDate(r.lastAttempt)),
      attemptsSince: Number(r.attempts),
      days: Math.floor((now.getTime() - anchor.getTime()) / DAY_MS),
      thresholdDays: days,
    };
  });
  return { alerts, total: rows.length === 0 ? 0 : Number(rows[0]!.total) };
}
