/**
 * Migration 13: the office's escalation queue. `escalation_ack_minutes` is how long an
 * escalation may stay unacknowledged before the queue shows it as overdue (default an hour);
 * the partial index finds a team's escalations without reading every patient record.
 */
export const escalationQueueSchema = /* sql */ `
alter table org_settings
  add column escalation_ack_minutes integer not null default 60 check (escalation_ack_minutes between 5 and 1440);
create index patient_records_escalations on patient_records (patient_id) where kind = 'escalation';
`;
