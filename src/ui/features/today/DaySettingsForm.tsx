/**
 * The day's settings: shift, lunch break, where the day starts and ends (office or home), and
 * whether to start from where the device is when the day is planned.
 */
import { PLACE_CHOICES, type PlaceChoice } from '../../../domain/daySettings';
import { useI18n } from '../../i18n/I18n';
import type { DayForm } from './dayForm';
import { TODAY_TEXT } from './todayText';

function TimeField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="field field--inline">
      <span>{label}</span>
      <input type="time" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function DaySettingsForm({ form, onChange }: { form: DayForm; onChange: (f: DayForm) => void }) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const set = <K extends keyof DayForm>(key: K, value: DayForm[K]) => onChange({ ...form, [key]: value });
  const usesHome = form.startAt === 'home' || form.endAt === 'home';

  function placeChoice(key: 'startAt' | 'endAt', legend: string) {
    return (
      <fieldset className="choice">
        <legend>{legend}</legend>
        {PLACE_CHOICES.map((p: PlaceChoice) => (
          <label key={p} className="check">
            <input type="radio" name={`day-${key}`} checked={form[key] === p} onChange={() => set(key, p)} />
            <span>{tx.place[p]}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  return (
    <section aria-labelledby="your-day-title" className="card">
      <h2 id="your-day-title">{tx.yourDay}</h2>
      <div className="row">
        <TimeField label={tx.shiftStart} value={form.shiftStart} onChange={(v) => set('shiftStart', v)} />
        <TimeField label={tx.shiftEnd} value={form.shiftEnd} onChange={(v) => set('shiftEnd', v)} />
      </div>
      <label className="check day-settings__toggle">
        <input type="checkbox" checked={form.lunchOn} onChange={(e) => set('lunchOn', e.target.checked)} />
        <span>{tx.lunchOn}</span>
      </label>
      {form.lunchOn && (
        <div className="row">
          <TimeField label={tx.lunchEarliest} value={form.lunchEarliest} onChange={(v) => set('lunchEarliest', v)} />
          <TimeField label={tx.lunchLatest} value={form.lunchLatest} onChange={(v) => set('lunchLatest', v)} />
          <label className="field field--inline">
            <span>{tx.lunchMinutes}</span>
            <input type="number" inputMode="numeric" min={1} max={120} value={form.lunchMinutes} onChange={(e) => set('lunchMinutes', e.target.value)} />
          </label>
        </div>
      )}
      <div className="row">
        {placeChoice('startAt', tx.startAt)}
        {placeChoice('endAt', tx.endAt)}
      </div>
      <p className="muted">{tx.officeHint}</p>
      <label className="check day-settings__toggle">
        <input type="checkbox" checked={form.useMyLocation} aria-describedby="use-my-location-hint" onChange={(e) => set('useMyLocation', e.target.checked)} />
        <span>{tx.useMyLocation}</span>
      </label>
      <p id="use-my-location-hint" className="muted">
        {tx.useMyLocationHint}
      </p>
      {usesHome && (
        <div className="row">
          <label className="field field--inline">
            <span>{tx.homeLat}</span>
            <input type="text" inputMode="decimal" autoComplete="off" value={form.homeLat} onChange={(e) => set('homeLat', e.target.value)} />
          </label>
          <label className="field field--inline">
            <span>{tx.homeLng}</span>
            <input type="text" inputMode="decimal" autoComplete="off" value={form.homeLng} onChange={(e) => set('homeLng', e.target.value)} />
          </label>
        </div>
      )}
    </section>
  );
}
