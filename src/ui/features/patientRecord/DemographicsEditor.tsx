/**
 * The patient's demographics: what the record says (born, sex, language, MRN, address...)
 * and, after "Edit", a form for the fields a specialist keeps up to date on a visit. Identity
 * fields (name, birth date, MRN) come from the source system and are shown only. The address
 * changes on its own ("Change address"), since a move also takes the patient off the map
 * until coordinates are derived again ("no location").
 */
import { useEffect, useId, useRef, useState } from 'react';
import { addressOneLine, ageOn, hasNoLocation, type Patient } from '../../../domain/patient';
import { AddressForm } from './AddressForm';
import { useI18n } from '../../i18n/I18n';
import { todayLocal } from './clock';
import { DemographicsForm } from './DemographicsForm';
import { isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';

export interface DemographicsEditorProps {
  readonly patient: Patient;
  readonly pendingKeys?: ReadonlySet<string>;
}

export function DemographicsEditor({ patient: p, pendingKeys }: DemographicsEditorProps) {
  const { t, formatDate, languageName } = useI18n();
  const tx = useRecordText();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [movingHouse, setMovingHouse] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Closing the form returns focus to "Edit", so keyboard and switch users keep their place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const showRoom = p.facilityId !== null || p.room !== null;
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="record-heading">
        <h2 id={titleId}>{t.demographics}</h2>
        <PendingBadge pending={isPending(pendingKeys, 'patient', p.id)} />
        {!editing && (
          <button ref={editButton} type="button" className="button" onClick={() => setEditing(true)}>
            {tx.edit}
          </button>
        )}
      </div>
      <dl className="facts">
        <dt>{t.born}</dt>
        <dd>
          {formatDate(p.birthDate)} ({t.ageLong(ageOn(p.birthDate, todayLocal()))})
        </dd>
        <dt>{t.sexLabel}</dt>
        <dd>{t.sex[p.sex]}</dd>
        <dt>{t.mrn}</dt>
        <dd>{p.mrn}</dd>
        <dt>{t.addressTitle}</dt>
        <dd>
          {addressOneLine(p.address)}
          {hasNoLocation(p) && <p className="record-warning">{tx.noLocation}</p>}
          {movingHouse ? (
            <AddressForm patientId={p.id} address={p.address} onDone={() => setMovingHouse(false)} />
          ) : (
            <button type="button" className="button" onClick={() => setMovingHouse(true)}>
              {tx.changeAddress}
            </button>
          )}
        </dd>
        {!editing && (
          <>
            <dt>{t.preferredLanguage}</dt>
            <dd>
              {languageName(p.language)} · {p.interpreterNeeded ? t.interpreterNeeded : tx.noInterpreter}
            </dd>
            <dt>{tx.bestTimeToCall}</dt>
            <dd>{p.bestTimeToCall ?? tx.notRecorded}</dd>
            <dt>{t.accessNotes}</dt>
            <dd>{p.accessNotes ?? tx.notRecorded}</dd>
            {showRoom && (
              <>
                <dt>{t.room}</dt>
                <dd>{p.room ?? tx.notRecorded}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {editing && <DemographicsForm patient={p} showRoom={showRoom} onDone={() => setEditing(false)} />}
    </section>
  );
}
