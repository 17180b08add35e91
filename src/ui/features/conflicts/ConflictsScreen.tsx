/**
 * The conflict inbox (S9) and the refused changes (S7): every value that lost a concurrent
 * write, side by side with the value that won, and every change the server refused. A person
 * decides; nothing here disappears on its own.
 */
import { useMemo } from 'react';
import type { Conflict, WrittenValue } from '../../../domain/conflict';
import { decodeHlc } from '../../../domain/hlc';
import { fullName } from '../../../domain/patient';
import { useServices } from '../../data/AppServices';
import { useTerritory } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { CONFLICT_TEXT } from './conflictText';
import { fieldsInWords, kindInWords, valueInWords } from './recordWords';
import { RefusalCard } from './RefusalCard';
import { useOpenConflicts, useRefusals } from './useSyncInbox';

function Side({ title, v, mine }: { title: string; v: WrittenValue; mine: boolean }) {
  const { locale, formatDateTime } = useI18n();
  const tx = CONFLICT_TEXT[locale];
  return (
    <div className="conflict__side">
      <h3>{title}</h3>
      <p className="conflict__value">{valueInWords(v.value, { locale })}</p>
      <p className="muted">
        {tx.byAt(v.by, formatDateTime(new Date(decodeHlc(v.hlc).wallMs).toISOString()))} {mine ? tx.yours : ''}
      </p>
    </div>
  );
}

function ConflictCard({ conflict, patient, myDevice }: { conflict: Conflict; patient: string; myDevice: string | null }) {
  const { locale } = useI18n();
  const words = { locale };
  const tx = CONFLICT_TEXT[locale];
  const { worker } = useServices();
  return (
    <li className="card conflict">
      <h2>
        {patient} — {kindInWords(conflict.entityKind, words)} · {fieldsInWords([conflict.field], words)}
      </h2>
      <div className="conflict__sides">
        <Side title={tx.current} v={conflict.winner} mine={conflict.winner.deviceId === myDevice} />
        <Side title={tx.overwritten} v={conflict.loser} mine={conflict.loser.deviceId === myDevice} />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void worker.resolveConflict(conflict.id, 'keep_theirs')}>
          {tx.keep}
        </button>
        <button type="button" className="button button--primary" onClick={() => void worker.resolveConflict(conflict.id, 'restore_mine')}>
          {tx.restore}
        </button>
      </div>
    </li>
  );
}

export function ConflictsScreen({ myDevice }: { myDevice: string | null }) {
  const { locale } = useI18n();
  const tx = CONFLICT_TEXT[locale];
  const conflicts = useOpenConflicts();
  const refusals = useRefusals();
  const territory = useTerritory();
  const names = useMemo(() => new Map((territory?.patients ?? []).map((p) => [p.id as string, fullName(p)])), [territory]);

  return (
    <section aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{tx.title}</h1>
      <p className="muted">{tx.intro}</p>
      {conflicts.length === 0 && <p>{tx.none}</p>}
      <ul className="plain-list" aria-label={tx.title}>
        {conflicts.map((c) => (
          <ConflictCard key={c.id} conflict={c} patient={names.get(c.patientId) ?? c.patientId} myDevice={myDevice} />
        ))}
      </ul>
      <h2>{tx.refusedTitle}</h2>
      <p className="muted">{tx.refusedIntro}</p>
      {refusals.length === 0 && <p>{tx.refusedNone}</p>}
      <ul className="plain-list" aria-label={tx.refusedTitle}>
        {refusals.map((r) => (
          <RefusalCard key={r.row.seq} refusal={r} patientName={r.row.patientId ? (names.get(r.row.patientId) ?? null) : null} />
        ))}
      </ul>
    </section>
  );
}
