/**
 * Refreshes the query planner's statistics. PostgreSQL's autovacuum does this in the
 * background, but only after a delay, and PGlite has no autovacuum at all. Without statistics
 * the planner guesses wrongly for the pull query after a bulk load (seconds per page instead
 * of milliseconds on the demo's 5,000 patients), so call this after loading and at startup.
 */
import type { Db } from './db';

/** The tables pull, sign-in and the office's metrics read; named so that ANALYZE stays within this schema. */
const TABLES =
  'orgs, territories, users, user_territories, facilities, patients, care_gaps, appointments, patient_records, contact_facts, appointment_facts, care_gap_facts';

export async function refreshPlannerStats(db: Db): Promise<void> {
  await db.exec(`analyze ${TABLES}`);
}
