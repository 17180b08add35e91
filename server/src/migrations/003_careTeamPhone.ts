/**
 * Migration 3: each organisation's care-team line, which the app offers as "call the care
 * team now" when a specialist escalates an urgent concern. Nullable: an organisation without
 * one still works, the app then shows the escalation without a number.
 */
export const careTeamPhoneSchema = /* sql */ `
alter table orgs add column care_team_phone text;
`;
