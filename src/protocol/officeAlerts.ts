/**
 * Wire schemas of the office's alerts (`/api/office/alerts...`, docs/METRICS.md "Alerts") and
 * the ranges of the organisation's targets and alert thresholds (migration 17, edited in the
 * admin console). Alerts are computed by the server for the supervisor's team on each read;
 * a supervisor marks one done or snoozes it, by its key. Request bodies are strict (an
 * unknown field is refused, named). A key holds ids only; a patient's name travels only in a
 * response body, never in a URL.
 */
import { z } from 'zod';
import { id, isoDateTime } from './entityParts';
import { safeText, TEXT_MAX } from './safeText';

/** Contacts (any channel) a specialist is expected to make in an ISO week. */
export const WEEKLY_CONTACT_TARGET = { min: 0, max: 500, default: 40 } as const;
/** Visits a specialist is expected to make in an ISO week. */
export const WEEKLY_VISIT_TARGET = { min: 0, max: 200, default: 15 } as const;
/** A specialist with no push or pull for more than this many days is an alert. */
export const ALERT_NO_SYNC_DAYS = { min: 1, max: 60, default: 2 } as const;
/** Contacts so far this week below this percentage of the expected number are an alert. */
export const ALERT_CONTACT_DROP_PERCENT = { min: 10, max: 90, default: 50 } as const;
/** A worked patient not reached for more than this many days is an alert. */
export const ALERT_UNREACHED_DAYS = { min: 7, max: 365, default: 30 } as const;

/** A drop is only judged against a usual week of at least this many contacts. */
export const CONTACT_DROP_MIN_BASELINE = 10;
/** The number of full ISO weeks before this one whose mean is the usual week. */
export const CONTACT_DROP_BASELINE_WEEKS = 4;
/** At most this many unreached patients are listed (the longest unreached first); the total is given. */
export const UNREACHED_LIST_MAX = 100;
/** The longest a supervisor may snooze an alert for. */
export const ALERT_SNOOZE_MAX_DAYS = 30;

/** An alert's key: its kind, a subject id (at most TEXT_MAX.id) and a period. */
export const ALERT_KEY_MAX = 300;

export const ALERT_KINDS = ['no_sync', 'contact_drop', 'escalation_unacknowledged', 'patient_unreached'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const name = z.string().max(TEXT_MAX.name);
const person = z.object({ id, name });
const count = z.number().int().min(0);

/** Fields every alert has. `since`: when the condition crossed its threshold (server clock); null when unknown. */
const common = { key: z.string().max(ALERT_KEY_MAX), since: isoDateTime.nullable() };

export const noSyncAlertSchema = z.object({
  ...common,
  kind: z.literal('no_sync'),
  specialist: person,
  /** The last push or pull by the server's clock; null when the person never synced. */
  lastSyncAt: isoDateTime.nullable(),
  /** Whole days since then; null when never. */
  days: count.nullable(),
  thresholdDays: count,
});

export const contactDropAlertSchema = z.object({
  ...common,
  kind: z.literal('contact_drop'),
  specialist: person,
  /** The ISO week, e.g. `2026-W47`. */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  contactsThisWeek: count,
  /** The usual week pro-rated to the time elapsed in this one, rounded to a whole contact. */
  expected: count,
  /** The mean contacts of the previous weeks, one decimal. */
  usualWeek: z.number().min(0),
  thresholdPercent: count,
});

export const escalationAlertSchema = z.object({
  ...common,
  kind: z.literal('escalation_unacknowledged'),
  escalationId: id,
  patient: person,
  raisedAt: isoDateTime,
  raisedByName: name,
  /** Whole minutes since it was raised. */
  ageMinutes: count,
  ackMinutes: count,
});

export const unreachedAlertSchema = z.object({
  ...common,
  kind: z.literal('patient_unreached'),
  patient: person,
  territoryId: id,
  /** The last contact that reached the patient; null when none ever did. */
  lastReachedAt: isoDateTime.nullable(),
  lastAttemptAt: isoDateTime,
  /** Contact attempts since the last reach (or ever, when never reached). */
  attemptsSince: count,
  /** Whole days since the last reach, or since the first attempt when never reached. */
  days: count,
  thresholdDays: count,
});

export const officeAlertSchema = z.discriminatedUnion('kind', [noSyncAlertSchema, contactDropAlertSchema, escalationAlertSchema, unreachedAlertSchema]);
export type OfficeAlert = z.infer<typeof officeAlertSchema>;
export type NoSyncAlert = z.infer<typeof noSyncAlertSchema>;
export type ContactDropAlert = z.infer<typeof contactDropAlertSchema>;
export type EscalationAlert = z.infer<typeof escalationAlertSchema>;
export type UnreachedAlert = z.infer<typeof unreachedAlertSchema>;

export const alertsResponseSchema = z.object({
  /** The server's time when the alerts were computed. */
  dataAsOf: isoDateTime,
  /** Open alerts (not done, not snoozed), newest `since` first, never-known last. */
  alerts: z.array(officeAlertSchema),
  /** Open patient-unreached alerts in all; at most UNREACHED_LIST_MAX of them are in `alerts`. */
  unreachedTotal: count,
  /** Open alerts in all, counting every unreached patient. */
  openTotal: count,
});
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;

const alertKey = safeText(ALERT_KEY_MAX).min(1, 'key is required');

export const alertDoneRequestSchema = z.strictObject({ key: alertKey });
export type AlertDoneRequest = z.infer<typeof alertDoneRequestSchema>;

export const alertSnoozeRequestSchema = z.strictObject({ key: alertKey, until: isoDateTime });
export type AlertSnoozeRequest = z.infer<typeof alertSnoozeRequestSchema>;

/** What the supervisor's step left: the key, and until when it is hidden (null: done for good). */
export const alertStepResponseSchema = z.object({
  key: z.string(),
  state: z.enum(['done', 'snoozed']),
  snoozedUntil: isoDateTime.nullable(),
});
export type AlertStepResponse = z.infer<typeof alertStepResponseSchema>;
