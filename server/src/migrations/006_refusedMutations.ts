/**
 * Migration 6: refusals kept for resends (S5, S7).
 *
 * `refused_mutations` holds, per device and change number, why the server refused the change.
 * When the answer to a push is lost, the device sends the same numbers again; they are at or
 * below the device's settled mark, so nothing is applied a second time, but a change that was
 * refused is answered `rejected` again with its reason instead of `duplicate`. Otherwise the
 * device would drop it as settled and the person would never learn it was refused. Written in
 * the push transaction, together with the settled mark, and dropped once the device's next
 * batch starts after the mark (it has its answers then; see changes/applyPush.ts). No foreign
 * key to devices, like `device_mutations`.
 */
export const refusedMutationsSchema = /* sql */ `
create table refused_mutations (
  device_id text not null,
  no bigint not null,
  reason text not null,
  message text not null,
  primary key (device_id, no)
);
`;
