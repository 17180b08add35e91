/**
 * Migration 11: the push token of a session (docs/SECURITY.md, "Background sync"). It lets the
 * service worker, which never holds the data key, send the device's sealed changes: it works
 * only at /api/sync/push-sealed, for the session's user and device, while the session would
 * work. Only its sha256 is stored, like the other tokens. The server's key pair for sealed
 * changes is a server secret (`push_seal_key`), created on first use.
 */
export const backgroundPushSchema = /* sql */ `
alter table sessions add column push_hash text;
create unique index sessions_push_hash on sessions (push_hash) where push_hash is not null;
`;
