/**
 * Migration 16: a specialist covers an absent colleague's territory for a range of days.
 *
 * - `coverages`: who covers which territory, from and to which UTC day (both inclusive, on the
 *   server's calendar), who arranged it and when; a cancelled one keeps its row (cancelled_at).
 *   While a coverage is current (from <= today <= to, not cancelled) its territory is in the
 *   covering person's sync scope (auth/scope.ts), as if assigned.
 * - `released_at`: when the end of the coverage (its last day passing, or its cancellation) was
 *   settled by writing the covering person's release of the territory to `territory_releases`
 *   (migration 5), stamped with a change position, so push can tell work done while covering
 *   from work done after the device learnt the coverage had ended (changes/scopeAtChange.ts,
 *   office/coverageEnds.ts). Null while the coverage has not ended or not been settled yet.
 */
export const coveragesSchema = /* sql */ `
create table coverages (
  id text primary key,
  org_id text not null references orgs (id),
  user_id text not null references users (id) on delete cascade,
  territory_id text not null references territories (id) on delete cascade,
  from_date date not null,
  to_date date not null,
  created_by text not null,
  created_at timestamptz not null,
  cancelled_at timestamptz,
  cancelled_by text,
  released_at timestamptz,
  check (to_date >= from_date)
);
create index coverages_user on coverages (user_id, to_date);
create index coverages_territory on coverages (territory_id, to_date);
create index coverages_unsettled on coverages (user_id, to_date) where released_at is null;
`;
