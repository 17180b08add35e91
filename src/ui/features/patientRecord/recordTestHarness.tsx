/**
 * Test-only: renders record editors against a real Dexie database (fake-indexeddb) and the
 * real worker API in-process, with the patient's records read live as the app reads them.
 * Seeds a signed-in specialist (Maria Santos) and patient `pat_1`. Not imported by the app.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import type { ReactNode } from 'react';
import type { EntityKind, EntityTypes } from '../../../domain/entities';
import { asIsoDateTime } from '../../../domain/ids';
import type { Patient } from '../../../domain/patient';
import type { EntityRecord } from '../../../protocol/entities';
import { applyPullPage } from '../../../storage/applyPullPage';
import { plainCodec } from '../../../storage/codec';
import { openRoundsDb, type RoundsDb } from '../../../storage/db';
import { setMeta } from '../../../storage/meta';
import { readRecord } from '../../../storage/readRecords';
import type { WorkerClient } from '../../../worker/client';
import { buildPatient } from '../../../../tests/support/builders';
import { createInProcessWorker } from '../../../../tests/support/inProcessWorker';
import { AppServicesProvider } from '../../data/AppServices';
import { I18nProvider, type Locale } from '../../i18n/I18n';
import { usePatient, type PatientView } from '../patient/usePatient';

export const PATIENT_ID = 'pat_1';

export function entity<K extends EntityKind>(kind: K, data: EntityTypes[K]): EntityRecord {
  return { kind, id: data.id, version: 1, deleted: false, data } as unknown as EntityRecord;
}

let dbCount = 0;

export interface RecordTest {
  readonly db: RoundsDb;
  /** Renders `ui` with the live view of `pat_1`, once it has loaded. */
  render(ui: (view: PatientView) => ReactNode, locale?: Locale): ReturnType<typeof userEvent.setup>;
  stored<K extends EntityKind>(kind: K, id: string): Promise<EntityTypes[K] | undefined>;
  close(): Promise<void>;
}

export interface RecordTestOptions {
  /**
   * The signed-in person's read reaches the screen only once this settles, as on a busy device
   * where the patient's rows can arrive first. The worker itself knows the session throughout.
   */
  readonly sessionShown?: Promise<void>;
}

type AnyWatch = (name: string, args: unknown, onValue: (event: unknown) => unknown) => unknown;

/** The worker as the screen sees it when the session's read is slow to arrive. */
function withLateSession(worker: WorkerClient, shown: Promise<void>): WorkerClient {
  const watch = worker.watch as unknown as AnyWatch;
  const late: AnyWatch = (name, args, onValue) =>
    watch(name, args, name === 'session' ? (event) => void shown.then(() => onValue(event)) : onValue);
  return { ...worker, watch: late } as unknown as WorkerClient;
}

function Live({ children }: { children: (view: PatientView) => ReactNode }) {
  const view = usePatient(PATIENT_ID);
  return view ? <>{children(view)}</> : null;
}

export async function setUpRecordTest(
  records: readonly EntityRecord[] = [],
  patient: Partial<Patient> = {},
  options: RecordTestOptions = {},
): Promise<RecordTest> {
  const db = openRoundsDb(`test-patient-record-${dbCount++}-${crypto.randomUUID()}`);
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [{ id: 'ter_a', name: 'North' }],
    signedInAt: asIsoDateTime('2026-11-22T08:00:00.000Z'),
  });
  await applyPullPage(db, plainCodec, [entity('patient', buildPatient(PATIENT_ID, patient)), ...records], 'cursor-1');
  const inProcess = createInProcessWorker(db);
  const worker = options.sessionShown ? withLateSession(inProcess, options.sessionShown) : inProcess;
  return {
    db,
    render(ui, locale = 'en') {
      const user = userEvent.setup();
      render(
        <I18nProvider locale={locale}>
          <AppServicesProvider services={{ worker }}>
            <Live>{ui}</Live>
          </AppServicesProvider>
        </I18nProvider>,
      );
      return user;
    },
    stored: (kind, id) => readRecord(db, plainCodec, kind, id),
    async close() {
      db.close();
      await Dexie.delete(db.name);
    },
  };
}
