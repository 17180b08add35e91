/**
 * Migration 10: teams and server secrets.
 *
 * - A specialist's supervisor: a supervisor's team is the people whose `supervisor_id` is
 *   theirs (the policy's `teamUserIds`), and their territories the team's territories.
 * - Server secrets, generated once per database: the key that signs pull cursors, so a
 *   device can only present a cursor the server issued (a forged `{t:0,v:0}` is refused).
 */
export const teamsAndSecretsSchema = /* sql */ `
alter table users add column supervisor_id text references users (id);
create index users_supervisor on users (supervisor_id) where supervisor_id is not null;

create table server_secrets (
  name text primary key,
  value text not null
);
insert into server_secrets (name, value)
  values ('cursor_mac_key', encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'base64'));
`;
