/**
 * The fields shared by adding and editing a person: full name, role, territories and (for a
 * specialist) supervisor, in that order. Each form keeps their values in one object and adds
 * its own fields (a username and first password when adding).
 */
import type { ReactNode } from 'react';
import { ROLES, type Role } from '../../../domain/user';
import type { AdminUser } from '../../../worker/client';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT } from './adminText';

export interface TerritoryOption {
  readonly id: string;
  readonly name: string;
}

export interface UserFieldValues {
  readonly name: string;
  readonly role: Role;
  readonly territoryIds: readonly string[];
  readonly supervisorId: string | null;
}

interface UserFieldsProps {
  /** Prefix of the inputs' ids (a form's `useId()`). */
  readonly idPrefix: string;
  readonly value: UserFieldValues;
  readonly onChange: (patch: Partial<UserFieldValues>) => void;
  readonly territories: readonly TerritoryOption[];
  readonly supervisors: readonly AdminUser[];
  /** An administrator's own role cannot be changed (the server refuses it too). */
  readonly roleLocked?: boolean;
  /** Drawn right after the role (adding a person: the first password). */
  readonly afterRole?: ReactNode;
}

export function UserFields({ idPrefix, value, onChange, territories, supervisors, roleLocked, afterRole }: UserFieldsProps) {
  const text = ADMIN_TEXT[useI18n().locale];
  return (
    <>
      <label className="field" htmlFor={`${idPrefix}-name`}>
        {text.fullName}
        <input id={`${idPrefix}-name`} autoComplete="off" value={value.name} onChange={(e) => onChange({ name: e.target.value })} />
      </label>
      <RoleField id={`${idPrefix}-role`} value={value.role} onChange={(role) => onChange({ role })} disabled={roleLocked} />
      {afterRole}
      <TerritoryChecks options={territories} chosen={value.territoryIds} onChange={(territoryIds) => onChange({ territoryIds })} />
      {value.role === 'specialist' && (
        <SupervisorField id={`${idPrefix}-supervisor`} supervisors={supervisors} value={value.supervisorId} onChange={(supervisorId) => onChange({ supervisorId })} />
      )}
    </>
  );
}

function RoleField({ id, value, onChange, disabled }: { id: string; value: Role; onChange: (role: Role) => void; disabled?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <label className="field" htmlFor={id}>
      {ADMIN_TEXT[locale].role}
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t.role[role]}
          </option>
        ))}
      </select>
    </label>
  );
}

function TerritoryChecks({ options, chosen, onChange }: { options: readonly TerritoryOption[]; chosen: readonly string[]; onChange: (ids: string[]) => void }) {
  const text = ADMIN_TEXT[useI18n().locale];
  return (
    <fieldset className="admin-checks">
      <legend>{text.territories}</legend>
      {options.length === 0 && <p className="muted">{text.noTerritories}</p>}
      {options.map((option) => (
        <label key={option.id} className="admin-check">
          <input
            type="checkbox"
            checked={chosen.includes(option.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id))}
          />
          {option.name}
        </label>
      ))}
    </fieldset>
  );
}

function SupervisorField({ id, supervisors, value, onChange }: { id: string; supervisors: readonly AdminUser[]; value: string | null; onChange: (id: string | null) => void }) {
  const text = ADMIN_TEXT[useI18n().locale];
  return (
    <label className="field" htmlFor={id}>
      {text.supervisor}
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{text.noSupervisor}</option>
        {supervisors.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
