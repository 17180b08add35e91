/** Territories: patients and people in each; add one; rename one. */
import { useCallback, useId, useState, type FormEvent } from 'react';
import type { AdminTerritory } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT, type Say } from './adminText';
import { AdminProblem, Loaded } from './AdminProblem';
import { useAdminAction, useAdminLoad } from './useAdminLoad';

export function TerritoriesSection() {
  const { worker } = useServices();
  const { locale, t } = useI18n();
  const text = ADMIN_TEXT[locale];
  const territories = useAdminLoad(useCallback(() => worker.adminListTerritories(), [worker]));
  const [renaming, setRenaming] = useState<string | null>(null);
  const [notice, setNotice] = useState<Say | null>(null);

  const changed = () => {
    setNotice(() => (x: typeof text) => x.saved);
    setRenaming(null);
    territories.reload();
  };

  return (
    <section aria-labelledby="admin-territories-title">
      <h1 id="admin-territories-title">{text.territoriesTitle}</h1>
      {notice && <p role="status" className="admin-notice">{notice(text)}</p>}
      <NameForm title={text.addTerritory} submitLabel={text.createTerritory} initial="" onSave={(name) => worker.adminCreateTerritory(name)} onSaved={changed} />
      <Loaded data={territories.data} onRetry={territories.reload}>
        {(list) => (
          <ul className="admin-list" aria-label={text.territoriesTitle}>
            {list.map((territory: AdminTerritory) => (
              <li key={territory.id} className="card admin-item">
                {renaming === territory.id ? (
                  <NameForm
                    title={text.renameLabel(territory.name)}
                    submitLabel={text.save}
                    initial={territory.name}
                    onSave={(name) => worker.adminRenameTerritory(territory.id, name)}
                    onSaved={changed}
                    onCancel={() => setRenaming(null)}
                  />
                ) : (
                  <div className="admin-item__row">
                    <div>
                      <h2 className="admin-item__title">{territory.name}</h2>
                      <p className="muted">{text.patients(territory.patientCount)}</p>
                      <p>
                        {text.people}:{' '}
                        {territory.people.length === 0 ? text.nobodyAssigned : territory.people.map((p) => `${p.name} (${t.role[p.role]})`).join(', ')}
                      </p>
                    </div>
                    <button type="button" className="button" aria-label={text.renameLabel(territory.name)} onClick={() => { setNotice(null); setRenaming(territory.id); }}>
                      {text.rename}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

interface NameFormProps {
  readonly title: string;
  readonly submitLabel: string;
  readonly initial: string;
  readonly onSave: (name: string) => ReturnType<ReturnType<typeof useServices>['worker']['adminCreateTerritory']>;
  readonly onSaved: () => void;
  readonly onCancel?: () => void;
}

function NameForm({ title, submitLabel, initial, onSave, onSaved, onCancel }: NameFormProps) {
  const text = ADMIN_TEXT[useI18n().locale];
  const id = useId();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<Say | null>(null);
  const action = useAdminAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') return setProblem(() => (x: typeof text) => x.required(x.territoryName));
    setProblem(null);
    if (await action.run(() => onSave(name.trim()))) {
      setName(initial);
      onSaved();
    }
  }

  return (
    <form className="admin-form admin-form--inline" onSubmit={(e) => void submit(e)} aria-label={title} noValidate>
      <label className="field field--inline" htmlFor={`${id}-name`}>
        {text.territoryName}
        <input id={`${id}-name`} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? text.saving : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {text.cancel}
          </button>
        )}
      </div>
      {problem && <p role="alert" className="admin-problem">{problem(text)}</p>}
      {action.failure && <AdminProblem failure={action.failure} />}
    </form>
  );
}
