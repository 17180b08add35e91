/** Form parts shared by adding and editing a person: role, territories, supervisor. */
import { ROLES, type Role } from '../../../domain/user';
import type { AdminUser } from '../../../worker/client';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT } from './adminText';

export interface TerritoryOption {
  readonly id: string;
  readonly name: string;
}

export function RoleField({ id, value, onChange, disabled }: { id: string; value: Role; onChange: (role: Role) => void; disabled?: boolean }) {
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

export function TerritoryChecks({ options, chosen, onChange }: { options: readonly TerritoryOption[]; chosen: readonly string[]; onChange: (ids: string[]) => void }) {
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

export function SupervisorField({ id, supervisors, value, onChange }: { id: string; supervisors: readonly AdminUser[]; value: string | null; onChange: (id: string | null) => void }) {
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
