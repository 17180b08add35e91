/** The filter controls under the search box. Controlled: the roster screen owns the state. */
import type { Facility } from '../../../domain/facility';
import type { FacilityId } from '../../../domain/ids';
import { EMPTY_FILTER, type FacilityFilter, type RosterFilter } from '../../../domain/roster';
import { useI18n } from '../../i18n/I18n';

interface Props {
  readonly filter: RosterFilter;
  readonly onChange: (f: RosterFilter) => void;
  readonly languages: readonly string[];
  readonly facilities: readonly Facility[];
}

function facilityValue(f: FacilityFilter): string {
  return f.kind === 'facility' ? `id:${f.id}` : f.kind;
}

function parseFacilityValue(v: string): FacilityFilter {
  if (v.startsWith('id:')) return { kind: 'facility', id: v.slice(3) as FacilityId };
  return v === 'in_facility' ? { kind: 'in_facility' } : { kind: 'any' };
}

export function RosterFilters({ filter, onChange, languages, facilities }: Props) {
  const { t, languageName } = useI18n();
  const toggles = [
    ['overdueOnly', t.filterOverdue],
    ['openGapOnly', t.filterOpenGap],
    ['noShowOnly', t.filterNoShow],
  ] as const;
  const active =
    filter.overdueOnly || filter.openGapOnly || filter.noShowOnly || filter.language !== null || filter.facility.kind !== 'any';

  return (
    <fieldset className="filters">
      <legend>{t.filters}</legend>
      {toggles.map(([key, label]) => (
        <label key={key} className="check">
          <input type="checkbox" checked={filter[key]} onChange={(e) => onChange({ ...filter, [key]: e.target.checked })} />
          <span>{label}</span>
        </label>
      ))}
      <label className="field field--inline">
        <span>{t.filterLanguage}</span>
        <select
          value={filter.language ?? ''}
          onChange={(e) => onChange({ ...filter, language: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">{t.filterLanguageAll}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline">
        <span>{t.filterFacility}</span>
        <select
          value={facilityValue(filter.facility)}
          onChange={(e) => onChange({ ...filter, facility: parseFacilityValue(e.target.value) })}
        >
          <option value="any">{t.filterFacilityAny}</option>
          <option value="in_facility">{t.filterFacilityIn}</option>
          {facilities.map((f) => (
            <option key={f.id} value={`id:${f.id}`}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      {active && (
        <button type="button" className="button button--link" onClick={() => onChange({ ...EMPTY_FILTER, query: filter.query })}>
          {t.clearFilters}
        </button>
      )}
    </fieldset>
  );
}
