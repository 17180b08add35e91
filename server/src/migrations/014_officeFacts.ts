/**
 * Migration 14: typed projections of contact notes, appointments and care gaps for the
 * office's metrics (office/facts.ts, docs/METRICS.md), so that the aggregates over a team's
 * contacts read indexed columns and never scan the records' jsonb.
 *
 * The rows that exist already are derived here, once, in the migration's transaction: the
 * derivation is plain SQL over the record tables, and doing it with the schema change means
 * no server ever runs against empty facts. From then on writeRecord keeps them true. The
 * derivation is office/facts.ts's; a later change to it ships with a migration of its own that
 * derives the facts again.
 */
import { appointmentFactsSql, careGapFactsSql, contactFactsSql } from '../office/facts';

export const officeFactsSchema = /* sql */ `
create table contact_facts (
  note_id text primary key,
  org_id text not null,
  territory_id text not null,
  patient_id text not null,
  author_id text not null,
  contact_at timestamptz not null,
  channel text not null check (channel in ('call', 'visit', 'message')),
  reached boolean not null,
  outcome text,
  appointment_set boolean not null,
  appointment_confirmed boolean not null,
  portal_enrolled boolean not null,
  rpm_setup boolean not null,
  hra_completed boolean not null,
  survey_completed boolean not null,
  referral_made boolean not null,
  education_given boolean not null,
  teach_back_confirmed boolean not null,
  gap_closed boolean not null,
  language text not null,
  age_band text not null
);
create index contact_facts_territory on contact_facts (org_id, territory_id, contact_at);
create index contact_facts_author on contact_facts (org_id, author_id, contact_at);
create index contact_facts_patient on contact_facts (patient_id, contact_at);

create table appointment_facts (
  appointment_id text primary key,
  org_id text not null,
  patient_id text not null,
  starts_at timestamptz not null,
  status text not null
);
create index appointment_facts_patient on appointment_facts (patient_id, starts_at);

create table care_gap_facts (
  gap_id text primary key,
  org_id text not null,
  patient_id text not null,
  measure text not null,
  status text not null,
  closed_at timestamptz
);
create index care_gap_facts_patient on care_gap_facts (patient_id, closed_at);

${contactFactsSql('true')};
${appointmentFactsSql('true')};
${careGapFactsSql('true')};
`;
