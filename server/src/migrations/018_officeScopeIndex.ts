/**
 * Migration 18: the office's metrics read a team's contacts in a range from an index alone.
 *
 * contact_facts_territory (014) found the rows; every row was then read from the table. The
 * index that replaces it has the same key and carries every column the overview and the funnel
 * read, so PostgreSQL answers them with an index-only scan (office/metrics.ts). Index-only
 * scans skip the table for pages the visibility map marks all-visible: autovacuum keeps it on
 * PostgreSQL; PGlite has none, so there the table is read for pages changed since the last
 * VACUUM (correct, only slower).
 */
export const officeScopeIndexSchema = /* sql */ `
create index contact_facts_scope on contact_facts (org_id, territory_id, contact_at)
  include (patient_id, author_id, note_id, reached, channel, outcome, appointment_set, portal_enrolled, rpm_setup,
           hra_completed, survey_completed, referral_made, teach_back_confirmed, gap_closed,
           satisfaction_responses, satisfaction_score_sum, language, age_band);
drop index contact_facts_territory;
`;
